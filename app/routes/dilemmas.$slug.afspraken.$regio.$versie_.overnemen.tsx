import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { facilitatorScope, forbidden, memberScope, requireMember } from "~/auth/permissions.server";
import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs, dilemmaTrail } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { SelectField, TextArea } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { TextLink } from "~/components/links";
import { SubmitButton } from "~/components/submit-once";
import { Heading, Paragraph } from "~/components/text";
import { getAnswersForDilemma } from "~/models/answer.server";
import { listRegionNames } from "~/models/region.server";
import { formState } from "~/utils/action-result";
import { done, failed, guarded, invalid } from "~/utils/action-result.server";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm, readForm } from "~/utils/forms";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { VersionParamsSchema } from "~/utils/params";
import { editAnswerPath, versionPath } from "~/utils/paths";
import { startAdoption } from "~/workflow/answer-editing.server";
import { readableDilemma } from "~/workflow/dilemma-access.server";
import { suggestAdoption, SuggestionSchema } from "~/workflow/suggestions.server";
import { guardTexts } from "~/workflow/text-guard.server";

const IntentSchema = z.object({ intent: z.enum(["adopt", "suggest"]) });
/** The source's version in force when the page was opened (hidden field); another value is a stale base (409). */
const AdoptBasisSchema = z.object({ basis: z.string().max(12).optional() });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data ? `Afspraak ${data.source.regionName} overnemen: ${data.dilemma.title}` : "Afspraak overnemen");

async function context(request: Request, params: unknown) {
  const { slug, regio, versie } = parseOr404(VersionParamsSchema, params, "Deze afspraak bestaat niet.");
  const { user, memberships } = await requireMember(request);
  const { dilemma } = await readableDilemma(request, slug);
  const answer = getAnswersForDilemma(getDb(), dilemma.id).find((a) => a.regionSlug === regio);
  const version = answer?.versions.find((v) => v.version === versie);
  if (!answer || !version) notFound("Deze versie van de afspraak bestaat niet.");
  const others = listRegionNames(getDb()).filter((r) => r.slug !== regio);
  return {
    user,
    dilemma,
    source: {
      versionId: version.id,
      regionSlug: answer.regionSlug,
      regionName: answer.regionName,
      version: version.version,
      verdict: version.verdict,
      /** The version in force when the page was made: the adoption form's base. */
      inForce: answer.versions[0]!.version,
    },
    adoptInto: facilitatorScope(user).filter(others, (r) => r.id),
    suggestFor: others.filter((r) => memberships.some((m) => m.regionId === r.id)),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { dilemma, source, adoptInto, suggestFor } = await context(request, params);
  if (adoptInto.length === 0 && suggestFor.length === 0)
    forbidden("U kunt deze afspraak niet overnemen of voorstellen: ze is al van uw regio.");
  return {
    dilemma: { slug: dilemma.slug, title: dilemma.title },
    source,
    adoptInto: adoptInto.map((r) => ({ value: r.slug, label: r.name })),
    suggestFor: suggestFor.map((r) => ({ value: r.slug, label: r.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, dilemma, source, adoptInto } = await context(request, params);
  const form = await readForm(request);
  const { intent } = parseOr404(IntentSchema, form, "Deze handeling bestaat niet.");
  const db = getDb();
  if (intent === "adopt") {
    const region = adoptInto.find((r) => r.slug === form.region);
    if (!region) forbidden("U kunt alleen overnemen voor een regio waarvan u leertuinbegeleider bent.");
    const basis = AdoptBasisSchema.safeParse(form);
    const result = startAdoption(db, {
      actorId: user.id,
      sourceVersionId: source.versionId,
      regionId: region.id,
      sourceBasis: basis.success ? basis.data.basis : "stale",
    });
    if (!result.ok) return failed(result, formValues(form), { intent, field: "region" });
    return redirect(editAnswerPath(dilemma.slug, region.slug));
  }
  const parsed = parseForm(SuggestionSchema, form);
  if (!parsed.ok) return invalid(parsed, { intent });
  const guard = guardTexts({ note: { label: "Toelichting", value: parsed.data.note } }, form);
  if (!guard.ok) return guarded(parsed.values, guard.reports, { intent });
  const result = suggestAdoption(db, {
    userId: user.id,
    scope: memberScope(user),
    sourceVersionId: source.versionId,
    regionSlug: parsed.data.region,
    note: parsed.data.note,
  });
  if (!result.ok) return failed(result, parsed.values, { intent, field: "region" });
  return done(
    "Uw voorstel staat op de agenda van de leertuinbegeleider. U krijgt een melding als er over besloten is.",
    { intent },
  );
}

export default function Adopt() {
  const { dilemma, source, adoptInto, suggestFor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const adopt = formState(result, {
    intent: "adopt",
    initial: adoptInto.length === 1 ? { region: adoptInto[0]!.value } : {},
  });
  const suggest = formState(result, {
    intent: "suggest",
    initial: suggestFor.length === 1 ? { region: suggestFor[0]!.value } : {},
  });
  return (
    <div className="page-width narrow">
      <Breadcrumbs trail={dilemmaTrail(dilemma)} current="Overnemen" />
      <Heading level={1}>Afspraak van {source.regionName} overnemen</Heading>
      <Paragraph>
        <TextLink to={versionPath(dilemma.slug, source.regionSlug, source.version)}>
          Afspraak {source.regionName}, versie {source.version}
        </TextLink>{" "}
        bij “{dilemma.title}”: <VerdictBadge verdict={source.verdict} />
      </Paragraph>

      {adoptInto.length > 0 && (
        <section aria-labelledby="concept">
          <Heading level={2} id="concept">
            Overnemen als leertuinbegeleider
          </Heading>
          <Paragraph>
            Leertuin maakt een concept voor uw regio met de tekst van deze versie. U past aan wat voor uw regio anders
            is en publiceert; daarna staat bij de afspraak “overgenomen van {source.regionName} (versie {source.version}
            )”.
          </Paragraph>
          <FormFeedback form={adopt} fieldIds={{ region: "adopt-region" }} />
          <Form method="post" noValidate className="stack-form">
            <input type="hidden" name="intent" value="adopt" />
            <input type="hidden" name="basis" value={String(source.inForce)} />
            <SelectField {...adopt.field("region")} id="adopt-region" label="Voor welke regio?">
              {adoptInto.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <SubmitButton>Concept maken</SubmitButton>
          </Form>
        </section>
      )}

      {suggestFor.length > 0 && (
        <section aria-labelledby="voorstellen">
          <Heading level={2} id="voorstellen">
            Voorstellen aan de leertuin van uw regio
          </Heading>
          <FormFeedback form={suggest} fieldIds={{ region: "suggest-region" }} />
          {suggest.result?.outcome !== "done" && (
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="suggest" />
              {suggest.guard && <GuardReport reports={suggest.guard} />}
              <SelectField {...suggest.field("region")} id="suggest-region" label="Voor welke regio?">
                {suggestFor.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </SelectField>
              <TextArea
                {...suggest.field("note")}
                label="Toelichting (mag leeg)"
                description="Waarom past deze afspraak bij uw regio?"
                rows={4}
              />
              <SubmitButton appearance="secondary">Voorstellen</SubmitButton>
            </Form>
          )}
        </section>
      )}
    </div>
  );
}
