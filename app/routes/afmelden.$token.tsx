import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";

import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextLink } from "~/components/links";
import { Heading, Paragraph } from "~/components/text";
import { setMailPreference } from "~/mail/preferences.server";
import { verifyUnsubscribeToken } from "~/mail/unsubscribe-token.server";
import { formState } from "~/utils/action-result";
import { done } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/forms";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import * as t from "../../db/schema";

export const meta: MetaFunction = () => pageMeta("Afmelden voor e-mail");

const TokenParamsSchema = z.object({ token: z.string().max(80) });
const INVALID =
  "Deze afmeldlink klopt niet. Gebruik de link uit de e-mail, of kies bij Mijn account hoe vaak u e-mail krijgt.";

/** The account a valid token names; a forged, cut-off or stale token (deleted account) is a 404. */
function userOf(params: unknown) {
  const { token } = parseOr404(TokenParamsSchema, params, INVALID);
  const userId = verifyUnsubscribeToken(token);
  const user =
    userId === null
      ? undefined
      : getDb()
          .select({ id: t.users.id, preference: t.users.mailPreference })
          .from(t.users)
          .where(eq(t.users.id, userId))
          .get();
  if (!user) notFound(INVALID);
  return user;
}

/** Showing the page changes nothing: mail scanners follow links. Only the button (or a one-click POST) does. */
export async function loader({ params }: LoaderFunctionArgs) {
  return { already: userOf(params).preference === "never" };
}

/** The button, and RFC 8058's one-click POST from a mail program (body List-Unsubscribe=One-Click): no log-in. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = userOf(params);
  await readForm(request);
  setMailPreference(getDb(), { userId: user.id, preference: "never", via: "unsubscribe-link" });
  return done("U bent afgemeld. U krijgt geen e-mail meer van Leertuin.");
}

export default function Unsubscribe() {
  const { already } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>());
  return (
    <div className="page-width narrow">
      <Heading level={1}>Afmelden voor e-mail</Heading>
      {form.result?.outcome === "done" ? (
        <>
          <FormFeedback form={form} />
          <Paragraph>
            Uw meldingen blijven in Leertuin staan. Wilt u later toch weer e-mail? Kies het bij{" "}
            <TextLink to="/account#e-mail-titel">Mijn account</TextLink>.
          </Paragraph>
        </>
      ) : already ? (
        <Paragraph>
          U krijgt al geen e-mail van Leertuin. Wilt u weer e-mail? Kies het bij{" "}
          <TextLink to="/account#e-mail-titel">Mijn account</TextLink>.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            Wilt u geen e-mail meer van Leertuin krijgen, ook geen weekoverzicht? Uw meldingen blijven in Leertuin
            staan.
          </Paragraph>
          <Form method="post">
            <button className="utrecht-button utrecht-button--primary-action" type="submit">
              Geen e-mail meer
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
