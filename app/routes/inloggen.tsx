import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { authenticate } from "~/auth/login.server";
import { startPendingLogin } from "~/auth/pending-login.server";
import { createUserSession, getUser, safeRedirect } from "~/auth/session.server";
import { hasTotp } from "~/auth/totp.server";
import { Alert } from "~/components/alert";
import { PasswordField } from "~/components/credential-fields";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextField } from "~/components/form-field";
import { SubmitButton, useSubmitOnce } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import {
  loginWaitMessage,
  loginWaitSeconds,
  recordLoginFailure,
  recordLoginSuccess,
} from "~/http/login-throttle.server";
import { formState } from "~/utils/action-result";
import { invalid, refused } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Inloggen");

/** A slowed-down log-in says how long to wait (Retry-After), also on the page a browser gets. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const wait = actionHeaders.get("Retry-After");
  return wait ? { "Retry-After": wait } : new Headers();
};

const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Vul uw e-mailadres in.")
    .max(254)
    .email("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(1000),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  const search = new URL(request.url).searchParams;
  return { redirectTo, passwordReset: search.has("hersteld"), expired: search.has("verlopen") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed);
  const { email } = parsed.data;
  const wait = loginWaitSeconds(email, context.clientAddress);
  if (wait > 0)
    return refused(parsed.values, loginWaitMessage(wait), { status: 429, headers: { "Retry-After": String(wait) } });
  const user = await authenticate(email, parsed.data.password);
  if (!user) {
    recordLoginFailure(email, context.clientAddress);
    // One message for an unknown address and a wrong password: it tells nobody which addresses exist.
    return refused(parsed.values, "Deze combinatie van e-mailadres en wachtwoord kennen we niet.", { status: 400 });
  }
  recordLoginSuccess(email, context.clientAddress);
  const redirectTo = safeRedirect(parsed.data.redirectTo);
  // With an authenticator app the password is only the first step: no session until the code is right.
  if (hasTotp(getDb(), user.id)) {
    throw redirect("/inloggen/code", { headers: { "Set-Cookie": await startPendingLogin(user.id, redirectTo) } });
  }
  return createUserSession(request, user.id, redirectTo);
}

export default function Login() {
  const { redirectTo, passwordReset, expired } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = formState(result);
  const submitOnce = useSubmitOnce();
  return (
    <div className="page-width narrow">
      <Heading level={1}>Inloggen</Heading>
      <Paragraph>Log in met het e-mailadres en wachtwoord van uw Leertuin-account.</Paragraph>
      {passwordReset && !result && <Alert type="ok">Uw nieuwe wachtwoord is opgeslagen. Log ermee in.</Alert>}
      {expired && !result && (
        <Alert type="info">De tijd om de code in te vullen is verstreken. Log opnieuw in met uw wachtwoord.</Alert>
      )}
      <FormFeedback form={form} />
      <Form method="post" noValidate className="stack-form" onSubmit={submitOnce.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField {...form.field("email")} label="E-mailadres" type="email" autoComplete="username" />
        <PasswordField name="password" label="Wachtwoord" error={form.errors.password} />
        <SubmitButton pending={submitOnce.pending}>Inloggen</SubmitButton>
      </Form>
    </div>
  );
}
