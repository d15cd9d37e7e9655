import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Heading, Paragraph, RichText } from "~/components/text";
import { ROUTE_LABELS } from "~/domain/vocabulary";
import { feedLink, regionFeedPath } from "~/feeds/feed-links";
import { toVersionView } from "~/models/answer-view.server";
import { getRegionCurrentAnswers } from "~/models/region-answers.server";
import { getRegionBySlug } from "~/models/region.server";
import rulebookStyles from "~/styles/spelregels.css";
import { getDb } from "~/utils/db.server";
import { formatDate, todayIso } from "~/utils/dates";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { SlugParam } from "~/utils/params";

const ParamsSchema = z.object({ slug: SlugParam });
const NO_THEME = { slug: "overig", label: "Overig" };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: rulebookStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [...pageMeta(`Spelregels Leertuin ${data.region.name}`), feedLink(regionFeedPath(data.region.slug), `Afspraken van Leertuin ${data.region.name}`)]
    : pageMeta("Regio niet gevonden");

export function loader({ params }: LoaderFunctionArgs) {
  const { slug } = parseOr404(ParamsSchema, params, "Deze regio bestaat niet.");
  const db = getDb();
  const region = getRegionBySlug(db, slug);
  if (!region) notFound("Deze regio bestaat niet.");
  const today = todayIso();
  const groups = new Map<string, { theme: { slug: string; label: string }; entries: ReturnType<typeof entryView>[] }>();
  for (const answer of getRegionCurrentAnswers(db, region.id)) {
    const theme = answer.dilemma.themes[0] ?? NO_THEME;
    const group = groups.get(theme.slug) ?? { theme, entries: [] };
    group.entries.push(entryView(answer, today));
    groups.set(theme.slug, group);
  }
  return {
    region: { slug: region.slug, name: region.name },
    today,
    count: [...groups.values()].reduce((sum, g) => sum + g.entries.length, 0),
    groups: [...groups.values()].sort((a, b) => a.theme.label.localeCompare(b.theme.label, "nl")),
  };
}

function entryView(answer: ReturnType<typeof getRegionCurrentAnswers>[number], today: string) {
  const view = toVersionView(answer.version, today);
  // In a set of rules the agreement itself comes first, the weighing behind it after.
  const agreement = view.sections.find((s) => s.key === "agreement")!;
  return {
    dilemma: answer.dilemma,
    ...view,
    sections: [agreement, ...view.sections.filter((s) => s.key !== "agreement")],
  };
}

export default function RulebookPage() {
  const { region, today, count, groups } = useLoaderData<typeof loader>();
  return (
    <div className="page-width rulebook">
      <Breadcrumbs
        trail={[
          { to: "/regios", label: "Regio's" },
          { to: `/regios/${region.slug}`, label: `Leertuin ${region.name}` },
        ]}
        current="Spelregels"
      />
      <Heading level={1}>Spelregels Leertuin {region.name}</Heading>
      <Paragraph lead>
        De afspraken over het delen van informatie rond gezinnen die Leertuin {region.name} heeft gemaakt, zoals ze gelden op{" "}
        {formatDate(today)}: {count === 1 ? "1 afspraak" : `${count} afspraken`}, per thema.
      </Paragraph>
      <p className="utrecht-paragraph rulebook__actions">
        Deze pagina is opgemaakt om af te drukken op A4 of als pdf te bewaren (met de afdrukfunctie van uw browser). De afspraken zijn ook
        te downloaden als <a className="utrecht-link" href={`/api/regios/${region.slug}/afspraken.csv`}>CSV</a> of{" "}
        <a className="utrecht-link" href={`/api/regios/${region.slug}/afspraken.json`}>JSON</a>.
      </p>

      {count === 0 ? (
        <Paragraph>Leertuin {region.name} heeft nog geen afspraken gepubliceerd.</Paragraph>
      ) : (
        <nav aria-labelledby="inhoud-titel" className="rulebook__toc">
          <Heading level={2} id="inhoud-titel">
            Inhoud
          </Heading>
          <ol>
            {groups.map((group) => (
              <li key={group.theme.slug}>
                <a className="utrecht-link" href={`#thema-${group.theme.slug}`}>
                  {group.theme.label}
                </a>
                <ol>
                  {group.entries.map((entry) => (
                    <li key={entry.dilemma.slug}>
                      <a className="utrecht-link" href={`#${entry.dilemma.slug}`}>
                        {entry.dilemma.title}
                      </a>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
      )}

      {groups.map((group) => (
        <section key={group.theme.slug} aria-labelledby={`thema-${group.theme.slug}`} className="rulebook__theme">
          <Heading level={2} id={`thema-${group.theme.slug}`}>
            {group.theme.label}
          </Heading>
          {group.entries.map((entry) => (
            <article key={entry.dilemma.slug} aria-labelledby={entry.dilemma.slug} className="rulebook__entry">
              <Heading level={3} id={entry.dilemma.slug}>
                {entry.dilemma.title}
              </Heading>
              <p className="rulebook__question">{entry.dilemma.question}</p>
              <dl className="answer__facts">
                <dt>Oordeel</dt>
                <dd>
                  <VerdictBadge verdict={entry.verdict} />
                </dd>
                <dt>Route</dt>
                <dd>{ROUTE_LABELS[entry.route]}</dd>
                <dt>Versie</dt>
                <dd>
                  <Link className="utrecht-link" to={`/dilemmas/${entry.dilemma.slug}/afspraken/${region.slug}/${entry.version}`}>
                    {entry.version}
                  </Link>
                  , afgesproken op {formatDate(entry.agreedOn)}
                  {entry.agreedBy && ` door ${entry.agreedBy}`}
                </dd>
                {entry.reviewBy && (
                  <>
                    <dt>Herzien uiterlijk</dt>
                    <dd>
                      {formatDate(entry.reviewBy)}
                      {entry.reviewDue && <strong> — toe aan herziening</strong>}
                    </dd>
                  </>
                )}
                {entry.adoptedFrom && (
                  <>
                    <dt>Overgenomen van</dt>
                    <dd>
                      Leertuin {entry.adoptedFrom.regionName} (versie {entry.adoptedFrom.version})
                    </dd>
                  </>
                )}
                {entry.dilemma.themes.length > 1 && (
                  <>
                    <dt>Thema's</dt>
                    <dd>{entry.dilemma.themes.map((th) => th.label).join(", ")}</dd>
                  </>
                )}
              </dl>
              {entry.sections.map((section) => (
                <section key={section.key}>
                  <Heading level={4}>{section.heading}</Heading>
                  <RichText html={section.html} />
                  {section.key === "agreement" && entry.conditions.length > 0 && (
                    <>
                      <Heading level={4}>Voorwaarden</Heading>
                      <ul className="utrecht-unordered-list">
                        {entry.conditions.map((condition) => (
                          <li key={condition}>{condition}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              ))}
              {entry.citations.length > 0 && (
                <section>
                  <Heading level={4}>Wettelijke grondslag en beroepscodes</Heading>
                  <ul className="citations">
                    {entry.citations.map((c) => (
                      <li key={`${c.codeSlug}#${c.anchor}`}>
                        {c.codeTitle}, {c.heading}
                        {c.kind === "ground" ? " (grondslag)" : ""}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
