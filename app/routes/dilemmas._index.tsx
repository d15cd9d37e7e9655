import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { OwnRegionTag, Tag, VerdictBadge } from "~/components/badges";
import { Direction } from "~/components/direction";
import { FilterActions, FilterSelect, SECTOR_OPTIONS } from "~/components/filter-select";
import { Form } from "~/components/form";
import { Link } from "~/components/link";
import { Pagination } from "~/components/pagination";
import { Heading, Paragraph } from "~/components/text";
import { SECTORS, VERDICT_LABELS, VERDICTS } from "~/domain/vocabulary";
import { feedLink } from "~/feeds/feed-links";
import { listDilemmas } from "~/models/dilemma.server";
import { dilemmaDirections } from "~/models/dilemma-direction.server";
import { listRegionNames } from "~/models/region.server";
import { listThemes } from "~/models/theme.server";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { optionalParam, PageSchema, SlugSchema } from "~/utils/params";
import { dilemmaPath, feedPagePath, themeFeedPath } from "~/utils/paths";
import { ownRegionFirst, readerRegion } from "~/utils/reader-region.server";

const PAGE_SIZE = 20;
const FiltersSchema = z.object({
  thema: optionalParam(SlugSchema),
  sector: optionalParam(z.enum(SECTORS)),
  regio: optionalParam(SlugSchema),
  oordeel: optionalParam(z.enum(VERDICTS)),
  pagina: PageSchema,
});

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const base = pageMeta("Dilemma's", "Alle dilemma's met de afspraken die regio's erover maakten.");
  const theme = data?.filters.thema && data.themes.find((t) => t.value === data.filters.thema);
  return theme ? [...base, feedLink(themeFeedPath(theme.value), `Afspraken over ${theme.label}`)] : base;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseOr404(FiltersSchema, searchParamsObject(request.url), "Deze filter bestaat niet.");
  const db = getDb();
  const themes = listThemes(db);
  const regions = listRegionNames(db);
  if (params.thema && !themes.some((t) => t.slug === params.thema)) notFound("Dit thema bestaat niet.");
  if (params.regio && !regions.some((r) => r.slug === params.regio)) notFound("Deze regio bestaat niet.");
  const page = paginate(params.pagina, PAGE_SIZE);
  const { total, dilemmas } = listDilemmas(
    db,
    { theme: params.thema, sector: params.sector, region: params.regio, verdict: params.oordeel },
    page,
  );
  if (page.isPastEnd(total)) notFound("Deze pagina van de lijst bestaat niet.");
  const pageCount = page.pageCount(total);
  const own = (await readerRegion(request))?.slug ?? null;
  const directions = dilemmaDirections(
    db,
    dilemmas.map((d) => d.slug),
  );
  return {
    total,
    page: params.pagina,
    pageCount,
    ownRegion: own,
    dilemmas: dilemmas.map(({ id: _id, ...d }) => ({
      ...d,
      asking: directions.get(d.slug)?.asking ?? [],
      answers: ownRegionFirst(d.answers, own, (a) => a.regionSlug),
    })),
    filters: params,
    themes: themes.map((t) => ({ value: t.slug, label: t.label })),
    regions: regions.map((r) => ({ value: r.slug, label: r.name })),
  };
}

export default function Dilemmas() {
  const { total, page, pageCount, ownRegion, dilemmas, filters, themes, regions } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = Boolean(filters.thema || filters.sector || filters.regio || filters.oordeel);
  return (
    <div className="page-width">
      <Heading level={1}>Dilemma's</Heading>
      <Paragraph lead>
        Situaties uit de praktijk waarin professionals twijfelden of ze informatie mochten delen, met de afspraken die
        regio's erover maakten.
      </Paragraph>

      <Form method="get" className="filters" aria-label="Filter de dilemma's">
        <FilterSelect name="thema" label="Thema" options={themes} value={filters.thema} />
        <FilterSelect name="sector" label="Sector" options={SECTOR_OPTIONS} value={filters.sector} />
        <FilterSelect name="regio" label="Regio met afspraak" options={regions} value={filters.regio} />
        <FilterSelect
          name="oordeel"
          label="Oordeel"
          options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))}
          value={filters.oordeel}
        />
        <FilterActions
          submitLabel="Filter toepassen"
          reset={filtered ? { to: "/dilemmas", label: "Filters wissen" } : undefined}
        />
      </Form>

      <p className="utrecht-paragraph" role="status">
        {total === 1 ? "1 dilemma" : `${total} dilemma's`}
        {filtered ? " met deze filters" : ""}
        {pageCount > 1 ? ` — pagina ${page} van ${pageCount}` : ""}
      </p>
      {filters.thema && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={feedPagePath(themeFeedPath(filters.thema))}>
            Volg nieuwe afspraken over dit thema (feed)
          </Link>
        </p>
      )}

      {dilemmas.length === 0 ? (
        <Paragraph>Geen dilemma's gevonden. Kies minder filters of wis ze.</Paragraph>
      ) : (
        <ul className="card-list">
          {dilemmas.map((d) => (
            <li key={d.slug} className="card">
              <Heading level={2}>
                <Link className="utrecht-link" to={dilemmaPath(d.slug)}>
                  {d.title}
                </Link>
              </Heading>
              <p className="utrecht-paragraph">{d.question}</p>
              <Direction holder={d.holderSector} asking={d.asking} />
              <div className="card__meta">
                {d.answers.map((a) => (
                  <span key={a.regionSlug}>
                    {a.regionName}
                    {a.regionSlug === ownRegion && (
                      <>
                        {" "}
                        <OwnRegionTag />
                      </>
                    )}
                    : <VerdictBadge verdict={a.verdict} />
                  </span>
                ))}
              </div>
              <div className="card__meta">
                {d.themes.map((t) => (
                  <Tag key={t.slug}>{t.label}</Tag>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </div>
  );
}
