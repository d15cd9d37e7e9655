import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { formatShare, leastAgreeing, regionAgreement } from "~/compare/agreement";
import { groupByPair, layoutLineage } from "~/compare/lineage-graph";
import { RegionListSchema } from "~/compare/params";
import { searchParamsWithRegions } from "~/compare/params.server";
import { AgreementHeatmap } from "~/components/agreement-heatmap";
import { OwnRegionTag, VerdictBadge } from "~/components/badges";
import { FilterActions, FilterSelect, SECTOR_OPTIONS } from "~/components/filter-select";
import { Form } from "~/components/form";
import { LineageGraph } from "~/components/lineage-graph";
import { Link } from "~/components/link";
import { Pagination } from "~/components/pagination";
import { Heading, Paragraph } from "~/components/text";
import { SECTORS } from "~/domain/vocabulary";
import { getComparisonMatrix, listAdoptions, resolveRegions } from "~/models/compare.server";
import { listThemes } from "~/models/theme.server";
import compareStyles from "~/styles/compare.css";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { optionalParam, PageSchema, SlugSchema } from "~/utils/params";
import { compareDilemmaPath, compareRegionsPath, dilemmaPath, regionPath } from "~/utils/paths";
import { ownRegionFirst, readerRegion } from "~/utils/reader-region.server";

const FiltersSchema = z.object({
  thema: optionalParam(SlugSchema),
  sector: optionalParam(z.enum(SECTORS)),
  regio: RegionListSchema,
  pagina: PageSchema,
});

/** Dilemmas per page of the matrix; the agreement and the adoptions count all of them. */
const MATRIX_PAGE_SIZE = 50;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: compareStyles }];

export const meta: MetaFunction = () =>
  pageMeta(
    "Regio's vergelijken",
    "Waar zijn regio's het over eens, waar verschillen ze, en wie nam afspraken over van wie?",
  );

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseOr404(FiltersSchema, searchParamsWithRegions(request.url), "Deze filter bestaat niet.");
  const db = getDb();
  const themes = listThemes(db);
  if (filters.thema && !themes.some((t) => t.slug === filters.thema)) notFound("Dit thema bestaat niet.");
  const resolved = resolveRegions(db, filters.regio);
  if (!resolved) notFound("Deze regio bestaat niet.");
  // The reader's own region is the first column.
  const ownRegion = (await readerRegion(request))?.slug ?? null;
  const regions = ownRegionFirst(resolved, ownRegion, (r) => r.slug);
  const regionIds = regions.map((r) => r.id);
  const rows = getComparisonMatrix(db, { theme: filters.thema, sector: filters.sector, regionIds });
  const pairs = regionAgreement(
    regions.map((r) => r.slug),
    rows.map((row) => Object.fromEntries(Object.entries(row.cells).map(([slug, cell]) => [slug, cell?.verdict]))),
  );
  const adoptions = listAdoptions(db, { dilemmaSlugs: rows.map((r) => r.slug), regionIds });
  const chosen = regions.map(({ slug, name }) => ({ slug, name }));
  const page = paginate(filters.pagina, MATRIX_PAGE_SIZE);
  if (page.isPastEnd(rows.length)) notFound("Deze pagina van de vergelijking bestaat niet.");
  return {
    filters: { thema: filters.thema, sector: filters.sector, regio: filters.regio },
    page: filters.pagina,
    pageCount: page.pageCount(rows.length),
    themes: themes.map((t) => ({ value: t.slug, label: t.label })),
    allRegions: (resolveRegions(db, []) ?? []).map(({ slug, name }) => ({ slug, name })),
    regions: chosen,
    ownRegion,
    dilemmaCount: rows.length,
    firstShown: page.firstShown,
    rows: page.slice(rows),
    filled: rows.reduce((sum, row) => sum + Object.keys(row.cells).length, 0),
    pairs,
    least: leastAgreeing(pairs),
    lineage: {
      layout: layoutLineage(
        chosen,
        adoptions.map((a) => ({ from: a.from.regionSlug, to: a.to.regionSlug })),
      ),
      groups: groupByPair(adoptions),
    },
  };
}

/** Two regions of the chosen ones that both answered the dilemma, for the side-by-side link. */
function pairFor(cells: Record<string, unknown>, regions: { slug: string; name: string }[]) {
  const answered = regions.filter((r) => cells[r.slug]);
  return answered.length >= 2 ? ([answered[0]!, answered[1]!] as const) : null;
}

export default function ComparePage() {
  const {
    filters,
    page,
    pageCount,
    themes,
    allRegions,
    regions,
    ownRegion,
    dilemmaCount,
    firstShown,
    rows,
    filled,
    pairs,
    least,
    lineage,
  } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const name = (slug: string) => regions.find((r) => r.slug === slug)?.name ?? slug;
  const filtered = Boolean(filters.thema || filters.sector || filters.regio.length > 0);
  return (
    <div className="page-width">
      <Heading level={1}>Regio's vergelijken</Heading>
      <Paragraph lead>
        Welke afspraken maakten de regio's over dezelfde dilemma's, waar zijn ze het eens, en wie nam een afspraak over
        van wie?
      </Paragraph>

      <Form method="get" className="filters" aria-label="Kies wat u vergelijkt">
        <fieldset className="region-choice">
          <legend>Regio's (geen keuze: alle regio's)</legend>
          <ul>
            {allRegions.map((r) => (
              <li key={r.slug}>
                <label>
                  <input type="checkbox" name="regio" value={r.slug} defaultChecked={filters.regio.includes(r.slug)} />
                  {r.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <FilterSelect name="thema" label="Thema" options={themes} value={filters.thema} />
        <FilterSelect name="sector" label="Sector" options={SECTOR_OPTIONS} value={filters.sector} />
        <FilterActions
          submitLabel="Vergelijken"
          reset={filtered ? { to: "/vergelijk", label: "Alles tonen" } : undefined}
        />
      </Form>

      <p className="utrecht-paragraph" role="status">
        {dilemmaCount === 1 ? "1 dilemma" : `${dilemmaCount} dilemma's`} en{" "}
        {regions.length === 1 ? "1 regio" : `${regions.length} regio's`}: {filled} van de{" "}
        {dilemmaCount * regions.length} vakjes hebben een afspraak.
      </p>

      <section aria-labelledby="overeenstemming-titel">
        <Heading level={2} id="overeenstemming-titel">
          Overeenstemming tussen regio's
        </Heading>
        {regions.length < 2 ? (
          <Paragraph>Kies ten minste twee regio's om hun overeenstemming te zien.</Paragraph>
        ) : (
          <>
            <Paragraph>
              Per paar regio's: van de dilemma's die beide beantwoordden, het deel met hetzelfde oordeel. Onder het
              percentage staat op hoeveel dilemma's het berust.
            </Paragraph>
            <AgreementHeatmap regions={regions} pairs={pairs} />
            {least.length > 0 && (
              <Paragraph>
                Het minst eens:{" "}
                {least.map((p, i) => (
                  <span key={`${p.a}-${p.b}`}>
                    {i > 0 && "; "}
                    <Link className="utrecht-link" to={compareRegionsPath([p.a, p.b])}>
                      {name(p.a)} en {name(p.b)}
                    </Link>{" "}
                    ({formatShare(p.share!)}, {p.same} van {p.both})
                  </span>
                ))}
                .
              </Paragraph>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="matrix-titel">
        <Heading level={2} id="matrix-titel">
          Afspraken per dilemma
        </Heading>
        {pageCount > 1 && (
          <Paragraph>
            Dilemma {firstShown} tot en met {firstShown + rows.length - 1} van {dilemmaCount}, pagina {page} van{" "}
            {pageCount}.
          </Paragraph>
        )}
        {rows.length === 0 ? (
          <Paragraph>Geen van deze regio's heeft een afspraak over een dilemma met deze filters.</Paragraph>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="matrix-titel" tabIndex={0}>
            <table className="utrecht-table compare-matrix">
              <caption className="visually-hidden">
                Oordeel van elke regio per dilemma; een leeg vakje: geen afspraak
              </caption>
              <thead>
                <tr>
                  <th scope="col">Dilemma</th>
                  {regions.map((r) => (
                    <th key={r.slug} scope="col">
                      <Link className="utrecht-link" to={regionPath(r.slug)}>
                        {r.name}
                      </Link>
                      {r.slug === ownRegion && (
                        <>
                          {" "}
                          <OwnRegionTag />
                        </>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const pair = pairFor(row.cells, regions);
                  return (
                    <tr key={row.slug}>
                      <th scope="row">
                        <Link className="utrecht-link" to={dilemmaPath(row.slug)}>
                          {row.title}
                        </Link>
                        {pair && (
                          <Link
                            className="utrecht-link compare-matrix__pair-link"
                            to={compareDilemmaPath(row.slug, [pair[0].slug, pair[1].slug])}
                          >
                            {pair[0].name} en {pair[1].name} naast elkaar
                            <span className="visually-hidden">: {row.title}</span>
                          </Link>
                        )}
                      </th>
                      {regions.map((r) => {
                        const cell = row.cells[r.slug];
                        return (
                          <td key={r.slug}>
                            {cell ? (
                              <>
                                <VerdictBadge verdict={cell.verdict} />
                                {cell.adoptedFrom && (
                                  <span className="adopted-mark">Overgenomen van {cell.adoptedFrom.regionName}</span>
                                )}
                              </>
                            ) : (
                              <span className="compare-matrix__empty">
                                <span aria-hidden="true">—</span>
                                <span className="visually-hidden">geen afspraak</span>
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={pageCount} search={searchParams} />
      </section>

      <section aria-labelledby="overnames-titel">
        <Heading level={2} id="overnames-titel">
          Wie nam over van wie
        </Heading>
        {lineage.groups.length === 0 ? (
          <Paragraph>Tussen deze regio's zijn bij deze dilemma's geen afspraken overgenomen.</Paragraph>
        ) : (
          <div className="lineage">
            <LineageGraph layout={lineage.layout} />
            <div className="table-wrap" role="region" aria-labelledby="overnames-tabel-titel" tabIndex={0}>
              <table className="utrecht-table">
                <caption id="overnames-tabel-titel" className="visually-hidden">
                  Overnames: van welke regio, door welke regio, bij welke dilemma's
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Afspraak van</th>
                    <th scope="col">Overgenomen door</th>
                    <th scope="col">Aantal</th>
                    <th scope="col">Dilemma's (versies)</th>
                  </tr>
                </thead>
                <tbody>
                  {lineage.groups.map((group) => (
                    <tr key={`${group.from.regionSlug}-${group.to.regionSlug}`}>
                      <td>{group.from.regionName}</td>
                      <td>{group.to.regionName}</td>
                      <td>{group.items.length}</td>
                      <td>
                        <ul className="lineage__list">
                          {group.items.map((a) => (
                            <li key={`${a.dilemmaSlug}-${a.to.version}`}>
                              <Link className="utrecht-link" to={dilemmaPath(a.dilemmaSlug)}>
                                {a.dilemmaTitle}
                              </Link>{" "}
                              (versie {a.from.version} → versie {a.to.version})
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
