import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { forbidden, requireAdmin, requireRegionBySlug } from "~/auth/permissions.server";
import { OrganisationFields } from "~/components/admin";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { SECTOR_LABELS } from "~/domain/vocabulary";
import { getOrganisation, OrganisationSchema, updateOrganisation } from "~/models/region-admin.server";
import { formState } from "~/utils/action-result";
import { invalid } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { SlugSchema } from "~/utils/params";
import { adminRegionPath } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data ? `${data.organisation.name} wijzigen` : "Organisatie niet gevonden");

const ParamsSchema = z.object({
  slug: SlugSchema,
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

function findOrganisation(params: unknown) {
  const { slug, id } = parseOr404(ParamsSchema, params, "Deze organisatie bestaat niet.");
  const region = requireRegionBySlug(getDb(), slug);
  const organisation =
    getOrganisation(getDb(), region.id, id) ?? notFound("Deze organisatie bestaat niet in deze regio.");
  return { region, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { region, organisation } = findOrganisation(params);
  return {
    region: { slug: region.slug, name: region.name },
    organisation: { name: organisation.name, sector: organisation.sector, origin: organisation.origin },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const { region, organisation } = findOrganisation(params);
  if (organisation.origin === "content")
    forbidden("Deze organisatie komt uit de bibliotheek en kan hier niet worden gewijzigd.");
  const parsed = parseForm(OrganisationSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed);
  const result = updateOrganisation(getDb(), user.id, organisation, parsed.data);
  if (!result.ok) return invalid({ values: parsed.values, errors: { [result.field]: result.message } });
  return redirect(adminRegionPath(region.slug, "organisatie-opgeslagen"));
}

export default function EditOrganisation() {
  const { region, organisation } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), {
    initial: { organisationName: organisation.name, sector: organisation.sector },
  });
  return (
    <div className="page-width narrow">
      <Breadcrumbs
        trail={[
          { to: "/beheer", label: "Beheer" },
          { to: adminRegionPath(region.slug), label: region.name },
        ]}
        current={organisation.name}
      />
      <Heading level={1}>{organisation.name}</Heading>
      {organisation.origin === "content" ? (
        <Paragraph>
          Deze organisatie ({SECTOR_LABELS[organisation.sector]}) komt uit de bibliotheek en kan hier niet worden
          gewijzigd. Pas het bestand van de regio in <code>content/regions/</code> aan en importeer de bibliotheek
          opnieuw.
        </Paragraph>
      ) : (
        <>
          <Paragraph>Wijzig de naam of de sector van deze organisatie in de regio {region.name}.</Paragraph>
          <FormFeedback form={form} />
          <Form method="post" noValidate className="stack-form">
            <OrganisationFields form={form} />
            <div>
              <SubmitButton>Organisatie opslaan</SubmitButton>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
