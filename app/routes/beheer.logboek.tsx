import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { AUDIT_CATEGORIES, auditActionLabel, type AuditCategory } from "~/audit/audit-actions";
import { requireFacilitator } from "~/auth/permissions.server";
import { FilterActions, FilterDate, FilterSelect } from "~/components/filter-select";
import { Form } from "~/components/form";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { listAuditEntries } from "~/models/audit.server";
import { listRegionNames } from "~/models/region.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { optionalParam, PageSchema, SlugSchema } from "~/utils/params";

export const meta: MetaFunction = () => pageMeta("Logboek");

const PAGE_SIZE = 50;
const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)));
const FiltersSchema = z.object({
  regio: optionalParam(SlugSchema),
  soort: optionalParam(z.enum(Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]])),
  van: optionalParam(IsoDateSchema),
  tot: optionalParam(IsoDateSchema),
  pagina: PageSchema,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireFacilitator(request);
  const params = parseOr404(FiltersSchema, searchParamsObject(request.url), "Deze filter bestaat niet.");
  const db = getDb();
  const regions = scope.filter(listRegionNames(db), (r) => r.id);
  const region = params.regio ? regions.find((r) => r.slug === params.regio) : undefined;
  if (params.regio && !region) notFound("Deze regio bestaat niet, of het logboek ervan is niet voor u.");
  const page = paginate(params.pagina, PAGE_SIZE);
  const { total, entries } = listAuditEntries(
    db,
    { scope, regionId: region?.id, category: params.soort, from: params.van, to: params.tot },
    page,
  );
  if (page.isPastEnd(total)) notFound("Deze pagina van het logboek bestaat niet.");
  const pageCount = page.pageCount(total);
  return {
    total,
    page: params.pagina,
    pageCount,
    filters: params,
    seesAll: scope.isAll,
    regions: regions.map((r) => ({ value: r.slug, label: r.name })),
    entries: entries.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at),
      actor: e.actorName ?? (e.actorId === null ? "systeem of voormalig lid" : "onbekend"),
      action: auditActionLabel(e.action),
      target: `${e.targetType} ${e.targetId}`,
      region: e.regionName ?? "—",
      summary: e.summary,
    })),
  };
}

export default function AuditLog() {
  const { total, page, pageCount, filters, seesAll, regions, entries } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = Boolean(filters.regio || filters.soort || filters.van || filters.tot);
  return (
    <div className="page-width">
      <Heading level={1}>Logboek</Heading>
      <Paragraph>
        Elke wijziging in Leertuin laat hier een regel achter: wie deed wat, met welk record, wanneer.{" "}
        {seesAll ? "U ziet als beheerder alle regio's." : "U ziet de regio's waarvan u leertuinbegeleider bent."}
      </Paragraph>
      <Form method="get" className="filters" aria-label="Filter het logboek">
        <FilterSelect name="regio" label="Regio" options={regions} value={filters.regio} />
        <FilterSelect
          name="soort"
          label="Soort"
          options={Object.entries(AUDIT_CATEGORIES).map(([value, label]) => ({ value, label }))}
          value={filters.soort}
        />
        <FilterDate name="van" label="Vanaf" value={filters.van} />
        <FilterDate name="tot" label="Tot en met" value={filters.tot} />
        <FilterActions
          submitLabel="Filter toepassen"
          reset={filtered ? { to: "/beheer/logboek", label: "Filters wissen" } : undefined}
        />
      </Form>
      <p className="utrecht-paragraph" role="status">
        {total === 1 ? "1 regel" : `${total} regels`}
        {pageCount > 1 ? ` — pagina ${page} van ${pageCount}` : ""}
      </p>
      {entries.length > 0 && (
        <Table
          caption="Logboekregels, nieuwste eerst"
          columns={["Tijd", "Wie", "Wat", "Record", "Regio", "Toelichting"]}
        >
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.target}</td>
              <td>{e.region}</td>
              <td>{e.summary}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </div>
  );
}
