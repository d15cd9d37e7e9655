import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { NewPasswordSchema } from "~/auth/password.server";
import { findPasswordReset, resetPassword } from "~/auth/password-reset.server";
import { PASSWORD_HINT } from "~/auth/password-rules";
import { passwordProblem } from "~/auth/password-strength.server";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { Heading, Paragraph } from "~/components/text";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => pageMeta("Nieuw wachtwoord kiezen");

const TokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const INVALID =
  "Deze herstellink werkt niet (meer): hij is al gebruikt, verlopen of onvolledig. Vraag uw leertuinbegeleider om een nieuwe.";

export async function loader({ params }: LoaderFunctionArgs) {
  const { token } = parseOr404(TokenParamsSchema, params, INVALID);
  const reset = findPasswordReset(getDb(), token);
  if (!reset) notFound(INVALID);
  return { email: reset.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token } = parseOr404(TokenParamsSchema, params, INVALID);
  const parsed = parseForm(NewPasswordSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const reset = findPasswordReset(getDb(), token);
  if (!reset) notFound(INVALID);
  const weak = await passwordProblem(parsed.data.password, reset);
  if (weak) return data({ errors: { password: weak } }, { status: 400 });
  if (!(await resetPassword(getDb(), token, parsed.data.password))) notFound(INVALID);
  return redirect("/inloggen?hersteld=1");
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <div className="page-width narrow">
      <Heading level={1}>Nieuw wachtwoord kiezen</Heading>
      <Paragraph>
        Kies een nieuw wachtwoord voor het account {email}. Daarna bent u overal afgemeld en logt u opnieuw in.
      </Paragraph>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="stack-form">
        <TextField
          name="password"
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          description={PASSWORD_HINT}
          error={errors.password}
        />
        <TextField
          name="passwordRepeat"
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          autoComplete="new-password"
          error={errors.passwordRepeat}
        />
        <button className="utrecht-button utrecht-button--primary-action" type="submit">
          Wachtwoord opslaan
        </button>
      </Form>
    </div>
  );
}
