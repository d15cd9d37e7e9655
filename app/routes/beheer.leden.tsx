import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { issuePasswordReset } from "~/auth/password-reset.server";
import { RESET_LINK_HOURS } from "~/auth/password-rules";
import { forbidden, requireFacilitator } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { SubmitButton } from "~/components/submit-once";
import { PersonCell, Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { publicUrl } from "~/http/public-origin.server";
import { decideMembership, listPendingMemberships, listRegionMembers } from "~/models/membership.server";
import { formState } from "~/utils/action-result";
import { done, refused } from "~/utils/action-result.server";
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
  if (!parsed.ok) return refused({}, "Dit verzoek klopt niet. Probeer het opnieuw vanaf deze pagina.", { status: 400 });
  if (parsed.data.intent === "reset-link") {
    const token = issuePasswordReset(getDb(), { id: user.id, isAdmin: user.isAdmin, scope }, parsed.data.userId);
    if (!token) forbidden("Voor dit account kunt u geen herstellink maken.");
    const link = publicUrl(passwordResetPath(token));
    return done(
      `Herstellink gemaakt. Geef deze link persoonlijk door; hij werkt één keer en ${RESET_LINK_HOURS} uur lang:`,
      { payload: { link } },
    );
  }
  const decided = decideMembership(getDb(), {
    membershipId: parsed.data.membershipId,
    decision: parsed.data.intent,
    deciderId: user.id,
    scope,
  });
  if (!decided)
    forbidden("Deze aanvraag kunt u niet (meer) beoordelen: ze is al beoordeeld, of hoort bij een andere regio.");
  return done(parsed.data.intent === "approve" ? "De aanvraag is goedgekeurd." : "De aanvraag is afgewezen.");
}

export default function Members() {
  const { pending, members } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>());
  const resetLink = form.result?.payload?.link;
  return (
    <div className="page-width">
      <Heading level={1}>Leden goedkeuren</Heading>
      {resetLink ? (
        <Alert type="ok">
          {form.result?.message} <code className="reset-link">{resetLink}</code>
          <br />
          Deze link wordt maar één keer getoond.
        </Alert>
      ) : (
        <FormFeedback form={form} />
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
                  <SubmitButton intent="approve" context={m.name}>
                    Goedkeuren
                  </SubmitButton>
                  <SubmitButton appearance="secondary" intent="reject" context={m.name}>
                    Afwijzen
                  </SubmitButton>
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
                <SubmitButton appearance="secondary" intent="reset-link" context={m.name}>
                  Herstellink maken
                </SubmitButton>
              </Form>
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
