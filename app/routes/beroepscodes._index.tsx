import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Link } from "~/components/link";
import { Heading, Paragraph } from "~/components/text";
import { CODE_KIND_LABELS } from "~/domain/vocabulary";
import { listCodes } from "~/models/code.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { codePath } from "~/utils/paths";

const GROUP_TITLES = { wet: "Wetten", beroepscode: "Beroepscodes", richtlijn: "Richtlijnen" } as const;

export const meta: MetaFunction = () =>
  pageMeta(
    "Beroepscodes en wetten",
    "De wetten, beroepscodes en richtlijnen waarop de afspraken steunen, artikel voor artikel.",
  );

export function loader() {
  return { codes: listCodes(getDb()) };
}

export default function Codes() {
  const { codes } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Heading level={1}>Beroepscodes en wetten</Heading>
      <Paragraph lead>
        De wetten, beroepscodes en richtlijnen waarop de regionale afspraken steunen. Elk artikel is in eigen woorden
        samengevat, met een link naar de officiële tekst.
      </Paragraph>
      {(["wet", "beroepscode", "richtlijn"] as const).map((kind) => {
        const group = codes.filter((c) => c.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`groep-${kind}`}>
            <Heading level={2} id={`groep-${kind}`}>
              {GROUP_TITLES[kind]}
            </Heading>
            <ul className="card-list">
              {group.map((code) => (
                <li key={code.slug} className="card">
                  <Link className="utrecht-link" to={codePath(code.slug)}>
                    {code.title}
                  </Link>
                  <p className="card__meta">
                    <span>{CODE_KIND_LABELS[code.kind]}</span>
                    <span>{code.issuer}</span>
                    <span>versie {code.version}</span>
                    <span>{code.articleCount} artikelen</span>
                    <span>aangehaald in {code.citedCount === 1 ? "1 afspraak" : `${code.citedCount} afspraken`}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
