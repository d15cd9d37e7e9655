import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";

import { requireAdmin } from "~/auth/permissions.server";
import { RegionFields } from "~/components/admin";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { createRegion, RegionSchema } from "~/models/region-admin.server";
import { formState } from "~/utils/action-result";
import { invalid } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { pageMeta } from "~/utils/meta";
import { adminRegionPath } from "~/utils/paths";

export const meta: MetaFunction = () => pageMeta("Nieuwe regio");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const parsed = parseForm(RegionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed);
  const result = createRegion(getDb(), user.id, parsed.data);
  if (!result.ok) return invalid({ values: parsed.values, errors: { [result.field]: result.message } });
  return redirect(adminRegionPath(result.slug, "aangemaakt"));
}

export default function NewRegion() {
  const form = formState(useActionData<typeof action>());
  return (
    <div className="page-width narrow">
      <Breadcrumbs trail={[{ to: "/beheer", label: "Beheer" }]} current="Nieuwe regio" />
      <Heading level={1}>Nieuwe regio</Heading>
      <Paragraph>
        Een regio die met een leertuin begint. Organisaties voegt u toe nadat de regio is aangemaakt.
      </Paragraph>
      <FormFeedback form={form} />
      <Form method="post" noValidate className="stack-form">
        <RegionFields form={form} />
        <div>
          <SubmitButton>Regio aanmaken</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
