import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { asc } from "drizzle-orm";

import { register, RegistrationSchema } from "~/auth/registration.server";
import { getUser } from "~/auth/session.server";
import { NewPasswordFields } from "~/components/credential-fields";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { SelectField, TextField } from "~/components/form-field";
import { TextLink } from "~/components/links";
import { SubmitButton, useSubmitOnce } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { formState } from "~/utils/action-result";
import { invalid } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";
import { registeredPath } from "~/utils/paths";
import * as t from "../../db/schema";

export const meta: MetaFunction = () => pageMeta("Account aanvragen");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  const db = getDb();
  const regions = db
    .select({ id: t.regions.id, slug: t.regions.slug, name: t.regions.name })
    .from(t.regions)
    .orderBy(asc(t.regions.name))
    .all();
  const organisations = db
    .select({ id: t.organisations.id, name: t.organisations.name, regionId: t.organisations.regionId })
    .from(t.organisations)
    .orderBy(asc(t.organisations.name))
    .all();
  return {
    regions: regions.map((r) => ({
      slug: r.slug,
      name: r.name,
      organisations: organisations.filter((o) => o.regionId === r.id),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(RegistrationSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed);
  const result = await register(parsed.data);
  if (!result.ok) return invalid({ values: parsed.values, errors: { [result.field]: result.message } });
  // No session: a new address and a known one get the very same answer (no account enumeration).
  return redirect(registeredPath(result.regionSlug));
}

export default function Register() {
  const { regions } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>());
  const submitOnce = useSubmitOnce();
  return (
    <div className="page-width narrow">
      <Heading level={1}>Account aanvragen</Heading>
      <Paragraph>
        Werkt u in een regio met een leertuin? Vraag dan een account aan. De leertuinbegeleider van uw regio keurt uw
        aanvraag goed; daarna kunt u dilemma's voorstellen en meepraten. Heeft u al een account?{" "}
        <TextLink to="/inloggen">Log in</TextLink>.
      </Paragraph>
      <FormFeedback form={form} />
      <Form method="post" noValidate className="stack-form" onSubmit={submitOnce.onSubmit}>
        <TextField {...form.field("name")} label="Naam" autoComplete="name" />
        <TextField {...form.field("email")} label="E-mailadres van uw werk" type="email" autoComplete="email" />
        <TextField
          {...form.field("profession")}
          label="Beroep of functie"
          description="Bijvoorbeeld: intern begeleider, wijkverpleegkundige, jeugdconsulent."
        />
        <SelectField {...form.field("region")} label="Regio van uw leertuin">
          {regions.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          {...form.field("organisation")}
          label="Uw organisatie"
          description="Kies een organisatie uit de regio die u hierboven koos."
        >
          {regions.map((r) => (
            <optgroup key={r.slug} label={r.name}>
              {r.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <NewPasswordFields
          names={["password", "passwordRepeat"]}
          labels={["Wachtwoord", "Herhaal het wachtwoord"]}
          errors={form.errors}
        />
        <SubmitButton pending={submitOnce.pending} pendingLabel="Bezig met aanvragen…">
          Account aanvragen
        </SubmitButton>
      </Form>
    </div>
  );
}
