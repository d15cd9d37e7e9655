import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { NewPasswordSchema } from "~/auth/password.server";
import { findPasswordReset, resetPassword } from "~/auth/password-reset.server";
import { passwordProblem } from "~/auth/password-strength.server";
import { NewPasswordFields } from "~/components/credential-fields";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { formState } from "~/utils/action-result";
import { invalid } from "~/utils/action-result.server";
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
  if (!parsed.ok) return invalid({ values: {}, errors: parsed.errors });
  const reset = findPasswordReset(getDb(), token);
  if (!reset) notFound(INVALID);
  const weak = await passwordProblem(parsed.data.password, reset);
  if (weak) return invalid({ values: {}, errors: { password: weak } });
  if (!(await resetPassword(getDb(), token, parsed.data.password))) notFound(INVALID);
  return redirect("/inloggen?hersteld=1");
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>());
  return (
    <div className="page-width narrow">
      <Heading level={1}>Nieuw wachtwoord kiezen</Heading>
      <Paragraph>
        Kies een nieuw wachtwoord voor het account {email}. Daarna bent u overal afgemeld en logt u opnieuw in.
      </Paragraph>
      <FormFeedback form={form} />
      <Form method="post" noValidate className="stack-form">
        <NewPasswordFields
          names={["password", "passwordRepeat"]}
          labels={["Nieuw wachtwoord", "Herhaal het nieuwe wachtwoord"]}
          errors={form.errors}
        />
        <SubmitButton>Wachtwoord opslaan</SubmitButton>
      </Form>
    </div>
  );
}
