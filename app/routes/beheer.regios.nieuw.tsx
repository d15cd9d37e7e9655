import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";

import { requireAdmin } from "~/auth/permissions.server";
import { RegionFields } from "~/components/admin";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Heading, Paragraph } from "~/components/text";
import { createRegion, RegionSchema } from "~/models/region-admin.server";
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
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors }, { status: 400 });
  const result = createRegion(getDb(), user.id, parsed.data);
  if (!result.ok) return data({ values: parsed.values, errors: { [result.field]: result.message } }, { status: 400 });
  return redirect(adminRegionPath(result.slug, "aangemaakt"));
}

export default function NewRegion() {
  const result = useActionData<typeof action>();
  return (
    <div className="page-width narrow">
      <Breadcrumbs trail={[{ to: "/beheer", label: "Beheer" }]} current="Nieuwe regio" />
      <Heading level={1}>Nieuwe regio</Heading>
      <Paragraph>
        Een regio die met een leertuin begint. Organisaties voegt u toe nadat de regio is aangemaakt.
      </Paragraph>
      {result && <Alert type="error">Niet alles is goed ingevuld. Kijk bij de velden hieronder.</Alert>}
      <Form method="post" noValidate className="stack-form">
        <RegionFields values={result?.values ?? {}} errors={result?.errors ?? {}} />
        <div>
          <button className="utrecht-button utrecht-button--primary-action" type="submit">
            Regio aanmaken
          </button>
        </div>
      </Form>
    </div>
  );
}
