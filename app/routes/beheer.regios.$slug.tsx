import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { forbidden, requireAdmin, requireRegionBySlug } from "~/auth/permissions.server";
import { OrganisationFields, OriginTag, RegionFields } from "~/components/admin";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { TextLink } from "~/components/links";
import { SubmitButton } from "~/components/submit-once";
import { Table } from "~/components/table";
import { Heading, Paragraph } from "~/components/text";
import { SECTOR_LABELS } from "~/domain/vocabulary";
import { listOrganisations } from "~/models/region.server";
import { addOrganisation, OrganisationSchema, RegionSchema, updateRegion } from "~/models/region-admin.server";
import { formState } from "~/utils/action-result";
import { invalid } from "~/utils/action-result.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { parseForm, readForm } from "~/utils/forms";
import { parseOr404, readNotice } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params";
import { adminOrganisationPath, adminRegionPath, regionPath } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data ? `Regio ${data.region.name} beheren` : "Regio niet gevonden");

const NOTICES = {
  aangemaakt: "De regio is aangemaakt. Voeg nu de deelnemende organisaties toe.",
  opgeslagen: "De regio is opgeslagen.",
  "organisatie-toegevoegd": "De organisatie is toegevoegd.",
  "organisatie-opgeslagen": "De organisatie is opgeslagen.",
} as const;
const IntentSchema = z.enum(["region", "organisation"]);

function findRegion(params: unknown) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Deze regio bestaat niet.");
  return requireRegionBySlug(getDb(), slug);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const region = findRegion(params);
  return {
    notice: readNotice(request, NOTICES),
    region: {
      slug: region.slug,
      name: region.name,
      province: region.province,
      since: region.since,
      description: region.descriptionMd,
      origin: region.origin,
    },
    organisations: listOrganisations(getDb(), region.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const region = findRegion(params);
  const form = await readForm(request);
  const parsedIntent = IntentSchema.safeParse(form.intent);
  if (!parsedIntent.success) throw data({ message: "Dit verzoek klopt niet." }, { status: 400 });
  const intent = parsedIntent.data;

  if (intent === "region") {
    if (region.origin === "content") forbidden("Deze regio komt uit de bibliotheek en kan hier niet worden gewijzigd.");
    const parsed = parseForm(RegionSchema, form);
    if (!parsed.ok) return invalid(parsed, { intent });
    const result = updateRegion(getDb(), user.id, region.id, parsed.data);
    if (!result.ok) return invalid({ values: parsed.values, errors: { [result.field]: result.message } }, { intent });
    return redirect(adminRegionPath(result.slug, "opgeslagen"));
  }

  const parsed = parseForm(OrganisationSchema, form);
  if (!parsed.ok) return invalid(parsed, { intent });
  const result = addOrganisation(getDb(), user.id, region.id, parsed.data);
  if (!result.ok) return invalid({ values: parsed.values, errors: { [result.field]: result.message } }, { intent });
  return redirect(adminRegionPath(region.slug, "organisatie-toegevoegd"));
}

export default function AdminRegion() {
  const { notice, region, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const regionForm = formState(result, {
    intent: "region",
    initial: {
      name: region.name,
      slug: region.slug,
      province: region.province,
      since: region.since,
      description: region.description,
    },
  });
  const organisationForm = formState(result, { intent: "organisation" });
  return (
    <div className="page-width">
      <Breadcrumbs trail={[{ to: "/beheer", label: "Beheer" }]} current={region.name} />
      <Heading level={1}>Regio {region.name}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <Paragraph>
        <OriginTag origin={region.origin} />{" "}
        <TextLink to={regionPath(region.slug)}>De openbare pagina van deze regio</TextLink>
      </Paragraph>

      <section aria-labelledby="regio-titel" className="page-section narrow">
        <Heading level={2} id="regio-titel">
          Gegevens van de regio
        </Heading>
        {region.origin === "content" ? (
          <>
            <Paragraph>
              Deze regio komt uit de bibliotheek (<code>content/regions/{region.slug}.md</code>) en kan hier niet worden
              gewijzigd. Pas het bestand aan en importeer de bibliotheek opnieuw.
            </Paragraph>
            <dl className="facts">
              <dt>Adres</dt>
              <dd>/regios/{region.slug}</dd>
              <dt>Provincie</dt>
              <dd>{region.province}</dd>
              <dt>Leertuin sinds</dt>
              <dd>{formatDate(region.since)}</dd>
            </dl>
          </>
        ) : (
          <>
            <FormFeedback form={regionForm} />
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="region" />
              <RegionFields form={regionForm} />
              <div>
                <SubmitButton>Regio opslaan</SubmitButton>
              </div>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="organisaties-titel" className="page-section">
        <Heading level={2} id="organisaties-titel">
          Organisaties
        </Heading>
        {organisations.length === 0 ? (
          <Paragraph>Deze regio heeft nog geen organisaties.</Paragraph>
        ) : (
          <Table caption={`Organisaties van de regio ${region.name}`} columns={["Naam", "Sector", "Herkomst"]}>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.origin === "app" ? (
                    <TextLink to={adminOrganisationPath(region.slug, o.id)}>
                      {o.name}
                      <span className="visually-hidden"> wijzigen</span>
                    </TextLink>
                  ) : (
                    o.name
                  )}
                </th>
                <td>{SECTOR_LABELS[o.sector]}</td>
                <td>
                  <OriginTag origin={o.origin} />
                </td>
              </tr>
            ))}
          </Table>
        )}
        <Heading level={3} id="toevoegen-titel" className="page-section">
          Organisatie toevoegen
        </Heading>
        <FormFeedback form={organisationForm} />
        <Form method="post" noValidate className="stack-form narrow" aria-labelledby="toevoegen-titel">
          <input type="hidden" name="intent" value="organisation" />
          <OrganisationFields form={organisationForm} />
          <div>
            <SubmitButton>Organisatie toevoegen</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
