import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ExternalLink } from "~/components/links";
import { Heading, Paragraph, RichText } from "~/components/text";
import { CODE_KIND_LABELS } from "~/domain/vocabulary";
import { getCodeBySlug } from "~/models/code.server";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404 } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { SlugParam } from "~/utils/params";

const ParamsSchema = z.object({ slug: SlugParam });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? pageMeta(data.code.title) : pageMeta("Beroepscode niet gevonden");

export function loader({ params }: LoaderFunctionArgs) {
  const { slug } = parseOr404(ParamsSchema, params, "Deze beroepscode of wet bestaat niet.");
  const code = getCodeBySlug(getDb(), slug);
  if (!code) notFound("Deze beroepscode of wet bestaat niet.");
  return {
    code: {
      slug: code.slug,
      title: code.title,
      kind: code.kind,
      issuer: code.issuer,
      profession: code.profession,
      version: code.version,
      sourceUrl: code.sourceUrl,
      introHtml: code.introMd ? renderMarkdown(code.introMd) : "",
    },
    articles: code.articles.map(({ bodyMd, ...article }) => ({ ...article, html: renderMarkdown(bodyMd) })),
  };
}

export default function CodePage() {
  const { code, articles } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Breadcrumbs
        trail={[
          { to: "/", label: "Home" },
          { to: "/beroepscodes", label: "Beroepscodes en wetten" },
        ]}
        current={code.title}
      />
      <Heading level={1}>{code.title}</Heading>
      <dl className="answer__facts">
        <dt>Soort</dt>
        <dd>{CODE_KIND_LABELS[code.kind]}</dd>
        <dt>Vastgesteld door</dt>
        <dd>{code.issuer}</dd>
        {code.profession && (
          <>
            <dt>Voor</dt>
            <dd>{code.profession}</dd>
          </>
        )}
        <dt>Versie</dt>
        <dd>{code.version}</dd>
        <dt>Officiële tekst</dt>
        <dd>
          <ExternalLink href={code.sourceUrl}>{code.sourceUrl}</ExternalLink>
        </dd>
      </dl>
      {code.introHtml && <RichText html={code.introHtml} />}
      <Paragraph small>De artikelen zijn in eigen woorden samengevat. Bij twijfel geldt de officiële tekst.</Paragraph>

      <nav aria-labelledby="inhoud-titel">
        <Heading level={2} id="inhoud-titel">
          Artikelen
        </Heading>
        <ul className="toc">
          {articles.map((a) => (
            <li key={a.anchor}>
              <a className="utrecht-link" href={`#${a.anchor}`}>
                {a.heading}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {articles.map((a) => (
        <section key={a.anchor} id={a.anchor} className="article" aria-labelledby={`${a.anchor}-titel`}>
          <Heading level={2} id={`${a.anchor}-titel`}>
            {a.heading}
          </Heading>
          <RichText html={a.html} />
          {a.citedBy.length > 0 ? (
            <details>
              <summary>Aangehaald in {a.citedBy.length === 1 ? "1 afspraak" : `${a.citedBy.length} afspraken`}</summary>
              <ul>
                {a.citedBy.map((c) => (
                  <li key={`${c.dilemmaSlug}-${c.regionSlug}`}>
                    <Link className="utrecht-link" to={`/dilemmas/${c.dilemmaSlug}#${c.regionSlug}`}>
                      {c.dilemmaTitle}
                    </Link>{" "}
                    — {c.regionName} <VerdictBadge verdict={c.verdict} />
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <Paragraph small>Nog niet aangehaald in een afspraak.</Paragraph>
          )}
        </section>
      ))}
    </div>
  );
}
