import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";

import { OwnRegionTag, VerdictBadge } from "~/components/badges";
import { Direction } from "~/components/direction";
import { Form } from "~/components/form";
import { Link } from "~/components/link";
import { TextLink } from "~/components/links";
import type { ScriptsHandle } from "~/components/page-scripts";
import { Pagination } from "~/components/pagination";
import { SearchSuggestions } from "~/components/search-suggestions";
import { Heading, Paragraph } from "~/components/text";
import { type Sector, SECTOR_LABELS, type Verdict, VERDICT_LABELS } from "~/domain/vocabulary";
import { listRegionNames } from "~/models/region.server";
import { listThemes } from "~/models/theme.server";
import type { loader as rootLoader } from "~/root";
import { SEARCH_PAGE_SIZE, SEARCH_TYPE_LABELS, SearchParamsSchema } from "~/search/params";
import { searchLibrary } from "~/search/search-service.server";
import { getDb } from "~/utils/db.server";
import { parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { dilemmasPath } from "~/utils/paths";
import { readerRegion } from "~/utils/reader-region.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data?.query ? `Zoeken naar "${data.query}"` : "Zoeken");

const FACET_PARAMS = [
  { facet: "type", param: "type", title: "Soort" },
  { facet: "region", param: "regio", title: "Regio" },
  { facet: "verdict", param: "oordeel", title: "Oordeel" },
  { facet: "sector", param: "sector", title: "Sector" },
  { facet: "theme", param: "thema", title: "Thema" },
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseOr404(SearchParamsSchema, searchParamsObject(request.url), "Deze zoekopdracht klopt niet.");
  const db = getDb();
  const themeLabels = Object.fromEntries(listThemes(db).map((t) => [t.slug, t.label]));
  const regionLabels = Object.fromEntries(listRegionNames(db).map((r) => [r.slug, r.name]));
  // A member's region, or the one a visitor chose, ranks first (the page cache skips such readers).
  const own = await readerRegion(request);
  const response = searchLibrary(params, own?.slug);
  const page = paginate(params.pagina, SEARCH_PAGE_SIZE);
  const label = (facet: (typeof FACET_PARAMS)[number]["facet"], value: string) =>
    ({
      type: SEARCH_TYPE_LABELS[value as keyof typeof SEARCH_TYPE_LABELS],
      region: regionLabels[value],
      verdict: VERDICT_LABELS[value as Verdict],
      sector: SECTOR_LABELS[value as Sector],
      theme: themeLabels[value],
    })[facet] ?? value;
  return {
    query: params.q,
    page: params.pagina,
    pageCount: page.pageCount(response.total),
    firstShown: page.firstShown,
    total: response.total,
    fuzzy: response.mode === "fuzzy",
    ownRegion: own?.slug ?? null,
    ownRegionName: own?.name ?? null,
    results: response.results,
    didYouMean: response.didYouMean,
    facets: FACET_PARAMS.map(({ facet, param, title }) => ({
      param,
      title,
      active: params[param] ?? null,
      values: Object.entries(response.facets[facet])
        .sort((a, b) => b[1] - a[1])
        .map(([value, count]) => ({ value, label: label(facet, value), count })),
    })),
    suggestions: Object.entries(themeLabels)
      .slice(0, 8)
      .map(([slug, label]) => ({ slug, label })),
  };
}

/** The current search with one parameter set (or cleared when it is already set), from page 1. */
function toggled(search: URLSearchParams, param: string, value: string) {
  const next = new URLSearchParams(search);
  next.delete("pagina");
  if (next.get(param) === value) next.delete(param);
  else next.set(param, value);
  return `?${next.toString()}`;
}

export default function SearchPage() {
  const {
    query,
    page,
    pageCount,
    firstShown,
    total,
    fuzzy,
    ownRegion,
    ownRegionName,
    results,
    didYouMean,
    facets,
    suggestions,
  } = useLoaderData<typeof loader>();
  const member = useRouteLoaderData<typeof rootLoader>("root")?.user?.member ?? false;
  const [searchParams] = useSearchParams();
  const filtered = facets.some((f) => f.active);
  return (
    <div className="page-width">
      <Heading level={1}>Zoeken</Heading>
      <Form method="get" role="search" className="search-form">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="q">
            Zoek een dilemma, afspraak of artikel
          </label>
          <SearchSuggestions id="q" name="q" defaultValue={query} maxLength={200} />
        </div>
        {facets.map((f) => f.active && <input key={f.param} type="hidden" name={f.param} value={f.active} />)}
        <button className="utrecht-button utrecht-button--primary-action" type="submit">
          Zoeken
        </button>
      </Form>

      {query.trim() === "" ? (
        <Paragraph>Typ een of meer woorden, bijvoorbeeld "school", "beroepsgeheim" of "Veilig Thuis melden".</Paragraph>
      ) : (
        <div className="search-layout">
          <div className="search-results">
            <p className="utrecht-paragraph" role="status">
              {total === 0
                ? `Geen resultaten voor "${query}"`
                : `${total === 1 ? "1 resultaat" : `${total} resultaten`} voor "${query}"${pageCount > 1 ? ` — pagina ${page} van ${pageCount}` : ""}`}
            </p>
            {didYouMean && (
              <p className="utrecht-paragraph did-you-mean">
                Bedoelde u{" "}
                <Link className="utrecht-link" to={didYouMean.url}>
                  {didYouMean.kind === "query" ? didYouMean.query : didYouMean.title}
                </Link>
                ?
              </p>
            )}
            {fuzzy && total > 0 && (
              <Paragraph small>Ook resultaten met een kleine tikfout in de zoekwoorden.</Paragraph>
            )}
            {total > 0 && (
              <p className="utrecht-paragraph to-facets">
                <a className="utrecht-link" href="#facetten-titel">
                  Verfijn de resultaten
                </a>
              </p>
            )}
            {ownRegionName && total > 0 && <Paragraph small>Afspraken van {ownRegionName} staan bovenaan.</Paragraph>}
            {total === 0 ? (
              <div>
                <Heading level={2}>Staat uw vraag er niet bij?</Heading>
                {member ? (
                  <Paragraph>
                    <Link className="utrecht-button-link utrecht-button-link--primary-action" to="/voorstellen">
                      Stel dit dilemma voor
                    </Link>
                  </Paragraph>
                ) : (
                  <Paragraph>
                    Leden van een leertuin kunnen een nieuw dilemma voorstellen; de leertuin maakt er dan een afspraak
                    over. Werkt u met gezinnen in een regio met een leertuin?{" "}
                    <TextLink to="/registreren">Vraag een account aan</TextLink> en word lid.
                  </Paragraph>
                )}
                <Heading level={2}>Tips</Heading>
                <ul>
                  <li>Controleer de spelling, of gebruik minder of andere woorden.</li>
                  <li>
                    Beantwoord zes vragen over uw situatie: <TextLink to="/afwegen">Stap voor stap afwegen</TextLink>.
                  </li>
                  {filtered && (
                    <li>
                      <TextLink to={`?q=${encodeURIComponent(query)}`}>Zoek zonder filters</TextLink>.
                    </li>
                  )}
                  <li>
                    Bekijk <TextLink to="/dilemmas">alle dilemma's</TextLink> of de{" "}
                    <TextLink to="/beroepscodes">beroepscodes en wetten</TextLink>.
                  </li>
                </ul>
                <Heading level={2}>Thema's</Heading>
                <ul className="inline-list">
                  {suggestions.map((s) => (
                    <li key={s.slug}>
                      <TextLink to={dilemmasPath({ thema: s.slug })}>{s.label}</TextLink>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <ol className="card-list" start={firstShown}>
                {results.map((r) => (
                  <li key={`${r.type}-${r.slug}-${r.region ?? ""}`} className="card">
                    <p className="card__meta">
                      <span className="result-type">{SEARCH_TYPE_LABELS[r.type]}</span>
                      {r.regionName && <span>{r.regionName}</span>}
                      {r.region && r.region === ownRegion && <OwnRegionTag />}
                      {r.verdict && <VerdictBadge verdict={r.verdict} />}
                    </p>
                    <Heading level={2}>
                      <Link className="utrecht-link" to={r.url}>
                        {r.title}
                      </Link>
                    </Heading>
                    {r.holder && <Direction holder={r.holder.slug} asking={(r.asking ?? []).map((a) => a.slug)} />}
                    {/* The snippet is escaped text with <mark> around the matched words (search/query.ts). */}
                    <p className="utrecht-paragraph snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />
                  </li>
                ))}
              </ol>
            )}
            <Pagination page={page} pageCount={pageCount} search={searchParams} />
          </div>
          {total > 0 || filtered ? (
            <aside className="search-facets" aria-labelledby="facetten-titel">
              <Heading level={2} id="facetten-titel">
                Verfijn
              </Heading>
              {facets.map((f) =>
                f.values.length === 0 && !f.active ? null : (
                  <nav key={f.param} aria-label={`Verfijn op ${f.title.toLowerCase()}`}>
                    <Heading level={3}>{f.title}</Heading>
                    <ul className="facet-list">
                      {f.values.map((v) => (
                        <li key={v.value}>
                          <Link
                            className="utrecht-link"
                            to={toggled(searchParams, f.param, v.value)}
                            aria-current={f.active === v.value ? "true" : undefined}
                          >
                            {f.active === v.value ? `${v.label} (filter wissen)` : v.label}
                          </Link>{" "}
                          <span className="facet-count">({v.count})</span>
                        </li>
                      ))}
                    </ul>
                  </nav>
                ),
              )}
            </aside>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** Read as HTML: the search field enhances itself with a small inline script (no React). */
export const handle: ScriptsHandle = { scripts: false };
