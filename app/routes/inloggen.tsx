import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";

import { Alert } from "~/components/alert";
import { Heading, Paragraph } from "~/components/text";
import { authenticate } from "~/auth/login.server";
import { createUserSession, getUser, safeRedirect } from "~/auth/session.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Inloggen");

const LoginSchema = z.object({
  email: z.string().trim().min(1, "Vul uw e-mailadres in.").max(254).email("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(1000),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = LoginSchema.safeParse(form);
  const email = typeof form.email === "string" ? form.email.slice(0, 254) : "";
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return data({ email, errors, formError: null }, { status: 400 });
  }
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (!user) {
    // One message for an unknown address and a wrong password: it tells nobody which addresses exist.
    return data({ email, errors: {}, formError: "Deze combinatie van e-mailadres en wachtwoord kennen we niet." }, { status: 400 });
  }
  return createUserSession(user.id, safeRedirect(parsed.data.redirectTo));
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <div className="page-width narrow">
      <Heading level={1}>Inloggen</Heading>
      <Paragraph>Log in met het e-mailadres en wachtwoord van uw Leertuin-account.</Paragraph>
      {result?.formError && <Alert type="error">{result.formError}</Alert>}
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className={`utrecht-form-field${errors.email ? " utrecht-form-field--invalid" : ""}`}>
          <label className="utrecht-form-label" htmlFor="email">
            E-mailadres
          </label>
          {errors.email && (
            <p className="utrecht-form-field-error-message" id="email-fout">
              {errors.email}
            </p>
          )}
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-fout" : undefined}
          />
        </div>
        <div className={`utrecht-form-field${errors.password ? " utrecht-form-field--invalid" : ""}`}>
          <label className="utrecht-form-label" htmlFor="password">
            Wachtwoord
          </label>
          {errors.password && (
            <p className="utrecht-form-field-error-message" id="password-fout">
              {errors.password}
            </p>
          )}
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-fout" : undefined}
          />
        </div>
        <button className="utrecht-button utrecht-button--primary-action" type="submit" disabled={busy}>
          Inloggen
        </button>
      </Form>
    </div>
  );
}
