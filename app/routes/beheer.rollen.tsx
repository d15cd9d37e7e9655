import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { requireAdmin, requireRegionBySlug } from "~/auth/permissions.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { FilterSelect } from "~/components/filter-select";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { Pagination } from "~/components/pagination";
import { SubmitButton } from "~/components/submit-once";
import { PersonCell, Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { listRegionNames } from "~/models/region.server";
import { changeMembershipRole, listPeople, setPlatformAdmin } from "~/models/roles.server";
import { formState } from "~/utils/action-result";
import { done, refused } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { paginate } from "~/utils/paginate";
import { optionalParam, PageSchema, SlugSchema } from "~/utils/params";

export const meta: MetaFunction = () => pageMeta("Rollen");

const PAGE_SIZE = 50;
const FiltersSchema = z.object({ regio: optionalParam(SlugSchema), pagina: PageSchema });
const IdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), membershipId: IdSchema, role: z.enum(["member", "facilitator"]) }),
  z.object({ intent: z.literal("admin"), userId: IdSchema, admin: z.enum(["ja", "nee"]) }),
]);

const ROLE_LABELS = { member: "lid", facilitator: "leertuinbegeleider" } as const;
const STATUS_LABELS = { pending: "wacht op goedkeuring", active: "actief", rejected: "afgewezen" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const filters = parseOr404(FiltersSchema, searchParamsObject(request.url), "Deze filter bestaat niet.");
  const db = getDb();
  const region = filters.regio ? requireRegionBySlug(db, filters.regio) : null;
  const page = paginate(filters.pagina, PAGE_SIZE);
  const { total, people } = listPeople(db, { regionId: region?.id, offset: page.offset, limit: page.limit });
  if (page.isPastEnd(total)) notFound("Deze pagina van de lijst bestaat niet.");
  return {
    selfId: user.id,
    total,
    page: page.page,
    pageCount: page.pageCount(total),
    region: filters.regio ?? "",
    regions: listRegionNames(db).map((r) => ({ slug: r.slug, name: r.name })),
    people,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const parsed = parseForm(ChangeSchema, await readForm(request));
  if (!parsed.ok) return refused({}, "Dit verzoek klopt niet. Probeer het opnieuw vanaf deze pagina.", { status: 400 });
  const change = parsed.data;
  const outcome =
    change.intent === "role"
      ? changeMembershipRole(getDb(), { actorId: user.id, membershipId: change.membershipId, role: change.role })
      : setPlatformAdmin(getDb(), { actorId: user.id, userId: change.userId, admin: change.admin === "ja" });
  return outcome.ok ? done(outcome.message) : refused({}, outcome.message, { status: 400 });
}

export default function Roles() {
  const { selfId, total, page, pageCount, region, regions, people } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  return (
    <div className="page-width">
      <Breadcrumbs trail={[{ to: "/beheer", label: "Beheer" }]} current="Rollen" />
      <Heading level={1}>Rollen</Heading>
      <Paragraph>
        Maak een lid leertuinbegeleider van een regio (of weer lid), en geef of neem de rol van platformbeheerder. Uw
        eigen beheerdersrol wijzigt een andere beheerder; de laatste platformbeheerder blijft altijd.
      </Paragraph>
      <FormFeedback form={form} />
      <Form method="get" className="filters">
        <FilterSelect
          name="regio"
          label="Regio"
          options={regions.map((r) => ({ value: r.slug, label: r.name }))}
          value={region}
        />
        <div className="filters__actions">
          <button className="utrecht-button utrecht-button--secondary-action" type="submit">
            Filter toepassen
          </button>
        </div>
      </Form>
      <p className="utrecht-paragraph" role="status">
        {total === 1 ? "1 account" : `${total} accounts`}
      </p>
      <Table caption="Accounts met hun rollen" columns={["Naam", "Regio's en rollen", "Platformbeheerder"]}>
        {people.map((p) => (
          <tr key={p.id}>
            <PersonCell name={p.name} email={p.email} />
            <td>
              {p.memberships.length === 0 && "Geen regio"}
              <ul className="role-list">
                {p.memberships.map((m) => (
                  <li key={m.id}>
                    {m.regionName}: {ROLE_LABELS[m.role]}
                    {m.status !== "active" && ` (${STATUS_LABELS[m.status]})`}
                    {m.status === "active" && (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="membershipId" value={m.id} />
                        <input type="hidden" name="role" value={m.role === "member" ? "facilitator" : "member"} />
                        <SubmitButton appearance="secondary" intent="role" context={`${p.name}, ${m.regionName}`}>
                          {m.role === "member" ? "Maak begeleider" : "Maak lid"}
                        </SubmitButton>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              {p.isAdmin ? "Ja" : "Nee"}
              {p.id === selfId ? (
                <span className="muted"> (uzelf)</span>
              ) : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={p.id} />
                  <input type="hidden" name="admin" value={p.isAdmin ? "nee" : "ja"} />
                  <SubmitButton appearance="secondary" intent="admin" context={p.name}>
                    {p.isAdmin ? "Beheerdersrol afnemen" : "Maak beheerder"}
                  </SubmitButton>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </div>
  );
}
