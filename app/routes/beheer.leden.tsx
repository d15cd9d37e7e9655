import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { issuePasswordReset } from "~/auth/password-reset.server";
import { RESET_LINK_HOURS } from "~/auth/password-rules";
import { forbidden, requireFacilitator } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { PersonCell, Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { publicUrl } from "~/http/public-origin.server";
import { decideMembership, listPendingMemberships, listRegionMembers } from "~/models/membership.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";
import { passwordResetPath } from "~/utils/paths";

export const meta: MetaFunction = () => pageMeta("Leden goedkeuren");

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["approve", "reject"]), membershipId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("reset-link"), userId: z.coerce.number().int().positive() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireFacilitator(request);
  // Formatted here: Node's and the browser's Intl may word a time differently, which breaks hydration.
  return {
    pending: listPendingMemberships(getDb(), scope).map((m) => ({
      ...m,
      requestedAt: formatDateTime(m.requestedAt),
    })),
    members: listRegionMembers(getDb(), scope),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireFacilitator(request);
  const parsed = parseForm(ActionSchema, await readForm(request));
  if (!parsed.ok)
    return data(
      { message: "Dit verzoek klopt niet. Probeer het opnieuw vanaf deze pagina.", ok: false },
      { status: 400 },
    );
  if (parsed.data.intent === "reset-link") {
    const token = issuePasswordReset(getDb(), { id: user.id, isAdmin: user.isAdmin, scope }, parsed.data.userId);
    if (!token) forbidden("Voor dit account kunt u geen herstellink maken.");
    const link = publicUrl(passwordResetPath(token));
    return {
      message: `Herstellink gemaakt. Geef deze link persoonlijk door; hij werkt één keer en ${RESET_LINK_HOURS} uur lang:`,
      ok: true,
      link,
    };
  }
  const decided = decideMembership(getDb(), {
    membershipId: parsed.data.membershipId,
    decision: parsed.data.intent,
    deciderId: user.id,
    scope,
  });
  if (!decided)
    forbidden("Deze aanvraag kunt u niet (meer) beoordelen: ze is al beoordeeld, of hoort bij een andere regio.");
  return {
    message: parsed.data.intent === "approve" ? "De aanvraag is goedgekeurd." : "De aanvraag is afgewezen.",
    ok: true,
  };
}

export default function Members() {
  const { pending, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page-width">
      <Heading level={1}>Leden goedkeuren</Heading>
      {result && (
        <Alert type={result.ok ? "ok" : "error"}>
          {result.message}
          {"link" in result && (
            <>
              {" "}
              <code className="reset-link">{result.link}</code>
              <br />
              Deze link wordt maar één keer getoond.
            </>
          )}
        </Alert>
      )}
      <Heading level={2}>Aanvragen</Heading>
      {pending.length === 0 ? (
        <Paragraph>Er wachten geen aanvragen.</Paragraph>
      ) : (
        <Table
          caption="Aanvragen die op goedkeuring wachten"
          columns={["Naam", "Organisatie en beroep", "Regio", "Aangevraagd", "Besluit"]}
        >
          {pending.map((m) => (
            <tr key={m.id}>
              <PersonCell name={m.name} email={m.email} />
              <td>
                {m.organisation ?? "—"}, {m.profession}
              </td>
              <td>{m.regionName}</td>
              <td>{m.requestedAt}</td>
              <td>
                <Form method="post" className="decision-form">
                  <input type="hidden" name="membershipId" value={m.id} />
                  <button
                    className="utrecht-button utrecht-button--primary-action"
                    type="submit"
                    name="intent"
                    value="approve"
                  >
                    Goedkeuren<span className="visually-hidden"> ({m.name})</span>
                  </button>
                  <button
                    className="utrecht-button utrecht-button--secondary-action"
                    type="submit"
                    name="intent"
                    value="reject"
                  >
                    Afwijzen<span className="visually-hidden"> ({m.name})</span>
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Heading level={2}>Leden</Heading>
      <Paragraph>
        Is een lid het wachtwoord kwijt? Maak een herstellink en geef die persoonlijk door. De link werkt één keer,{" "}
        {RESET_LINK_HOURS} uur lang, en meldt het lid overal af.
      </Paragraph>
      <Table caption="Actieve leden van uw regio" columns={["Naam", "Regio en rol", "Wachtwoord"]}>
        {members.map((m) => (
          <tr key={`${m.userId}-${m.regionName}`}>
            <PersonCell name={m.name} email={m.email} />
            <td>
              {m.regionName}, {m.role === "facilitator" ? "leertuinbegeleider" : "lid"}
            </td>
            <td>
              <Form method="post">
                <input type="hidden" name="userId" value={m.userId} />
                <button
                  className="utrecht-button utrecht-button--secondary-action"
                  type="submit"
                  name="intent"
                  value="reset-link"
                >
                  Herstellink maken<span className="visually-hidden"> ({m.name})</span>
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
