import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { requireRegionBySlug } from "~/auth/permissions.server";
import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Link } from "~/components/link";
import { Pagination } from "~/components/pagination";
import { Heading, Paragraph, RichText } from "~/components/text";
import { ROUTE_LABELS } from "~/domain/vocabulary";
import { feedLink } from "~/feeds/feed-links";
import { toVersionView } from "~/models/answer-view.server";
import {
  countRegionAnswersByMainTheme,
  getRegionCurrentAnswers,
  listRegionVersionIdsInTheme,
  type RegionCurrentAnswer,
} from "~/models/region-answers.server";
import { themeLabels } from "~/models/theme.server";
import rulebookStyles from "~/styles/spelregels.css";
import { formatDate, todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { optionalParam, PageSchema, SlugParamsSchema, SlugSchema } from "~/utils/params";
import {
  regionAnswersCsvPath,
  regionAnswersJsonPath,
  regionFeedPath,
  regionPath,
  rulebookPath,
  versionPath,
} from "~/utils/paths";

/** Answers per page: a region's whole set at ten thousand dilemmas is thousands of them (16 MB as one page). */
const PAGE_SIZE = 25;
/** `?thema=`: only the answers with that main theme, a document to print on its own; `?pagina=`: its page. */
const SearchSchema = z.object({ thema: optionalParam(SlugSchema), pagina: PageSchema });
const NO_THEME = { slug: "overig", label: "Overig" };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: rulebookStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        ...pageMeta(`Spelregels Leertuin ${data.region.name}${data.theme ? `: ${data.theme.label}` : ""}`),
        feedLink(regionFeedPath(data.region.slug), `Afspraken van Leertuin ${data.region.name}`),
      ]
    : pageMeta("Regio niet gevonden");

export function loader({ params, request }: LoaderFunctionArgs) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Deze regio bestaat niet.");
  const search = parseOr404(
    SearchSchema,
    searchParamsObject(request.url),
    "Deze pagina bestaat niet: de link klopt niet.",
  );
  const db = getDb();
  const region = requireRegionBySlug(db, slug);
  const today = todayIso();

  // The document's contents: each main theme with its number of answers, themes by their label.
  const labels = themeLabels(db);
  const contents = countRegionAnswersByMainTheme(db, region.id)
    .map(({ themeSlug, count }) => ({
      themeSlug,
      theme: themeSlug === null ? NO_THEME : { slug: themeSlug, label: labels.get(themeSlug) ?? themeSlug },
      count,
    }))
    .sort((a, b) => a.theme.label.localeCompare(b.theme.label, "nl"));
  const shown = search.thema ? contents.filter((c) => c.theme.slug === search.thema) : contents;
  if (search.thema && shown.length === 0) notFound(`Leertuin ${region.name} heeft geen afspraken over dit thema.`);
  const count = shown.reduce((sum, c) => sum + c.count, 0);
  const page = paginate(search.pagina, PAGE_SIZE);
  if (page.isPastEnd(count)) notFound("Deze pagina van de spelregels bestaat niet.");
  const pageCount = page.pageCount(count);

  // This page's part of the document (themes in order, each by title), read per theme it touches.
  const parts: { theme: { slug: string; label: string }; versionIds: number[] }[] = [];
  let at = 0;
  for (const c of shown) {
    const from = Math.max(page.offset, at);
    const to = Math.min(page.offset + page.limit, at + c.count);
    if (from < to)
      parts.push({
        theme: c.theme,
        versionIds: listRegionVersionIdsInTheme(db, region.id, c.themeSlug, { offset: from - at, limit: to - from }),
      });
    at += c.count;
  }
  const answers = new Map(
    getRegionCurrentAnswers(
      db,
      region.id,
      parts.flatMap((p) => p.versionIds),
    ).map((a) => [a.version.id, a]),
  );
  const groups = parts.map(({ theme, versionIds }) => ({
    theme,
    entries: versionIds.flatMap((id) => {
      const answer = answers.get(id);
      return answer ? [entryView(answer, today)] : [];
    }),
  }));

  return {
    region: { slug: region.slug, name: region.name },
    today,
    theme: search.thema ? shown[0]!.theme : null,
    count,
    page: search.pagina,
    pageCount,
    contents: shown.map(({ theme, count }) => ({ theme, count })),
    groups,
  };
}

function entryView(answer: RegionCurrentAnswer, today: string) {
  const view = toVersionView(answer.version, today);
  // In a set of rules the agreement itself comes first, the weighing behind it after.
  const agreement = view.sections.find((s) => s.key === "agreement")!;
  return {
    dilemma: answer.dilemma,
    ...view,
    sections: [agreement, ...view.sections.filter((s) => s.key !== "agreement")],
  };
}

const answersText = (n: number) => (n === 1 ? "1 afspraak" : `${n} afspraken`);

export default function RulebookPage() {
  const { region, today, theme, count, page, pageCount, contents, groups } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const rulebook = rulebookPath(region.slug);
  // On one page the contents point into it; spread over pages, each theme opens as a document of its own.
  const themeHref = (slug: string) => (pageCount === 1 ? `#thema-${slug}` : rulebookPath(region.slug, { thema: slug }));
  const onThisPage = new Map(groups.map((g) => [g.theme.slug, g.entries]));
  return (
    <div className="page-width rulebook">
      <Breadcrumbs
        trail={[
          { to: "/regios", label: "Regio's" },
          { to: regionPath(region.slug), label: `Leertuin ${region.name}` },
          ...(theme ? [{ to: rulebook, label: "Spelregels" }] : []),
        ]}
        current={theme ? theme.label : "Spelregels"}
      />
      <Heading level={1}>
        Spelregels Leertuin {region.name}
        {theme && `: ${theme.label}`}
      </Heading>
      <Paragraph lead>
        De afspraken over het delen van informatie rond gezinnen die Leertuin {region.name} heeft gemaakt
        {theme && ` met als hoofdthema ‘${theme.label}’`}, zoals ze gelden op {formatDate(today)}: {answersText(count)}
        {theme ? "" : ", per thema"}.{pageCount > 1 && ` Pagina ${page} van ${pageCount}.`}
      </Paragraph>
      <p className="utrecht-paragraph rulebook__actions">
        Deze pagina is opgemaakt om af te drukken op A4 of als pdf te bewaren (met de afdrukfunctie van uw browser).
        {pageCount > 1 &&
          !theme &&
          " Kies in de inhoud een thema om alleen de afspraken daarover te lezen of af te drukken."}
        {theme && (
          <>
            {" "}
            <Link className="utrecht-link" to={rulebook}>
              Alle thema's
            </Link>
            .
          </>
        )}{" "}
        Alle afspraken van de regio staan in één bestand als{" "}
        <a className="utrecht-link" href={regionAnswersCsvPath(region.slug)}>
          CSV
        </a>{" "}
        of{" "}
        <a className="utrecht-link" href={regionAnswersJsonPath(region.slug)}>
          JSON
        </a>
        .
      </p>

      {count === 0 ? (
        <Paragraph>Leertuin {region.name} heeft nog geen afspraken gepubliceerd.</Paragraph>
      ) : (
        <nav aria-labelledby="inhoud-titel" className="rulebook__toc">
          <Heading level={2} id="inhoud-titel">
            Inhoud
          </Heading>
          <ol>
            {contents.map((c) => {
              const entries = onThisPage.get(c.theme.slug) ?? [];
              return (
                <li key={c.theme.slug}>
                  <a className="utrecht-link" href={themeHref(c.theme.slug)}>
                    {c.theme.label}
                  </a>{" "}
                  <span className="rulebook__count">({answersText(c.count)})</span>
                  {entries.length > 0 && (
                    <ol>
                      {entries.map((entry) => (
                        <li key={entry.dilemma.slug}>
                          <a className="utrecht-link" href={`#${entry.dilemma.slug}`}>
                            {entry.dilemma.title}
                          </a>
                        </li>
                      ))}
                    </ol>
                  )}
                </li>
              );
            })}
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
                  <Link className="utrecht-link" to={versionPath(entry.dilemma.slug, region.slug, entry.version)}>
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
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </div>
  );
}
