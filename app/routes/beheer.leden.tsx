import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { Alert } from "~/components/alert";
import { Heading, Paragraph } from "~/components/text";
import { forbidden, requireFacilitator } from "~/auth/permissions.server";
import { decideMembership, listPendingMemberships } from "~/models/membership.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Leden goedkeuren");

const DecisionSchema = z.object({
  intent: z.enum(["approve", "reject"]),
  membershipId: z.coerce.number().int().positive(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { regionIds } = await requireFacilitator(request);
  // Formatted here: Node's and the browser's Intl may word a time differently, which breaks hydration.
  return { pending: listPendingMemberships(getDb(), regionIds).map((m) => ({ ...m, requestedAt: formatDateTime(m.requestedAt) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, regionIds } = await requireFacilitator(request);
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ message: "Dit verzoek klopt niet. Probeer het opnieuw vanaf deze pagina.", ok: false }, { status: 400 });
  const decided = decideMembership(getDb(), { membershipId: parsed.data.membershipId, decision: parsed.data.intent, deciderId: user.id, regionIds });
  if (!decided) forbidden("Deze aanvraag kunt u niet (meer) beoordelen: ze is al beoordeeld, of hoort bij een andere regio.");
  return { message: parsed.data.intent === "approve" ? "De aanvraag is goedgekeurd." : "De aanvraag is afgewezen.", ok: true };
}

export default function Members() {
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page-width">
      <Heading level={1}>Leden goedkeuren</Heading>
      {result && <Alert type={result.ok ? "ok" : "error"}>{result.message}</Alert>}
      {pending.length === 0 ? (
        <Paragraph>Er wachten geen aanvragen.</Paragraph>
      ) : (
        <div className="table-wrap">
          <table className="utrecht-table">
            <caption className="visually-hidden">Aanvragen die op goedkeuring wachten</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Organisatie en beroep</th>
                <th scope="col">Regio</th>
                <th scope="col">Aangevraagd</th>
                <th scope="col">Besluit</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    <br />
                    <span className="muted">{m.email}</span>
                  </th>
                  <td>
                    {m.organisation ?? "—"}, {m.profession}
                  </td>
                  <td>{m.regionName}</td>
                  <td>{m.requestedAt}</td>
                  <td>
                    <Form method="post" className="decision-form">
                      <input type="hidden" name="membershipId" value={m.id} />
                      <button className="utrecht-button utrecht-button--primary-action" type="submit" name="intent" value="approve">
                        Goedkeuren<span className="visually-hidden"> ({m.name})</span>
                      </button>
                      <button className="utrecht-button utrecht-button--secondary-action" type="submit" name="intent" value="reject">
                        Afwijzen<span className="visually-hidden"> ({m.name})</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
