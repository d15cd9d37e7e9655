import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";

import { authenticate } from "~/auth/login.server";
import { createUserSession, getUser, safeRedirect } from "~/auth/session.server";
import { Alert } from "~/components/alert";
import { TextField } from "~/components/form-field";
import { Heading, Paragraph } from "~/components/text";
import {
  loginWaitMessage,
  loginWaitSeconds,
  recordLoginFailure,
  recordLoginSuccess,
} from "~/http/login-throttle.server";
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
  return { redirectTo, passwordReset: new URL(request.url).searchParams.has("hersteld") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readForm(request));
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors, formError: null }, { status: 400 });
  const { email } = parsed.data;
  const wait = loginWaitSeconds(email, context.clientAddress);
  if (wait > 0)
    return data(
      { values: parsed.values, errors: {}, formError: loginWaitMessage(wait) },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  const user = await authenticate(email, parsed.data.password);
  if (!user) {
    recordLoginFailure(email, context.clientAddress);
    // One message for an unknown address and a wrong password: it tells nobody which addresses exist.
    return data(
      { values: parsed.values, errors: {}, formError: "Deze combinatie van e-mailadres en wachtwoord kennen we niet." },
      { status: 400 },
    );
  }
  recordLoginSuccess(email, context.clientAddress);
  return createUserSession(user.id, safeRedirect(parsed.data.redirectTo));
}

export default function Login() {
  const { redirectTo, passwordReset } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <div className="page-width narrow">
      <Heading level={1}>Inloggen</Heading>
      <Paragraph>Log in met het e-mailadres en wachtwoord van uw Leertuin-account.</Paragraph>
      {passwordReset && !result && <Alert type="ok">Uw nieuwe wachtwoord is opgeslagen. Log ermee in.</Alert>}
      {result?.formError && <Alert type="error">{result.formError}</Alert>}
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="E-mailadres"
          type="email"
          autoComplete="username"
          defaultValue={result?.values.email}
          error={errors.email}
        />
        <TextField
          name="password"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          error={errors.password}
        />
        <button className="utrecht-button utrecht-button--primary-action" type="submit" disabled={busy}>
          Inloggen
        </button>
      </Form>
    </div>
  );
}
