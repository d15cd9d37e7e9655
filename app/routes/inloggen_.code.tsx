import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";

import { endPendingLogin, readPendingLogin } from "~/auth/pending-login.server";
import { createUserSession } from "~/auth/session.server";
import { verifySecondFactor } from "~/auth/totp.server";
import { OneTimeCodeField } from "~/components/credential-fields";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextLink } from "~/components/links";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { formState } from "~/utils/action-result";
import { invalid } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Code invullen");

const CodeSchema = z.object({
  code: z.string().trim().min(1, "Vul de code uit uw app in, of een herstelcode.").max(40, "Deze code is te lang."),
});

// Without a fresh password step there is nothing to confirm: back to the log-in form.
const startAgain = () => redirect("/inloggen?verlopen=1");

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await readPendingLogin(request))) throw startAgain();
  // This page exists only for the browser that passed the password step: never in the visitors' page cache.
  return data(null, { headers: { "Cache-Control": "no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function action({ request }: ActionFunctionArgs) {
  const pending = await readPendingLogin(request);
  if (!pending) throw startAgain();
  const parsed = parseForm(CodeSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed);
  const result = await verifySecondFactor(getDb(), pending.userId, parsed.data.code);
  if (!result.ok) return invalid({ values: {}, errors: { code: result.message } }, { status: result.status });
  return createUserSession(request, pending.userId, pending.redirectTo, {
    summary: result.via === "app" ? "met code uit de app" : "met een herstelcode",
    headers: [["Set-Cookie", await endPendingLogin()]],
  });
}

export default function LoginCode() {
  const form = formState(useActionData<typeof action>());
  return (
    <div className="page-width narrow">
      <Heading level={1}>Code invullen</Heading>
      <Paragraph>
        Uw account is beveiligd met tweestapsverificatie. Open de authenticator-app op uw telefoon en vul de code van
        zes cijfers in die bij Leertuin staat.
      </Paragraph>
      <FormFeedback form={form} />
      <Form method="post" noValidate className="stack-form">
        <OneTimeCodeField
          label="Code uit de app"
          description="Zes cijfers. Heeft u uw telefoon niet bij de hand? Vul dan een van uw herstelcodes in, zoals abcde-fghjk."
          error={form.errors.code}
        />
        <SubmitButton>Inloggen</SubmitButton>
      </Form>
      <Paragraph>
        Geen telefoon en geen herstelcode meer? Vraag een platformbeheerder om hulp. Of{" "}
        <TextLink to="/inloggen">begin opnieuw met inloggen</TextLink>.
      </Paragraph>
    </div>
  );
}
