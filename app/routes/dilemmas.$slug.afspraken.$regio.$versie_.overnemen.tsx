import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { facilitatorScope, forbidden, memberScope, requireMember } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { SelectField, TextArea } from "~/components/form-field";
import { type GuardFieldReport, GuardReport } from "~/components/guard-report";
import { TextLink } from "~/components/links";
import { Heading, Paragraph } from "~/components/text";
import { getAnswersForDilemma } from "~/models/answer.server";
import { listRegionNames } from "~/models/region.server";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm, readForm } from "~/utils/forms";
import { notFound, parseOr404 } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";
import { VersionParamsSchema } from "~/utils/params";
import { dilemmaPath, editAnswerPath, versionPath } from "~/utils/paths";
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
    if (!result.ok) {
      if (result.status === 404) notFound(result.message);
      return data(
        { intent, values: formValues(form), errors: { region: result.message }, guard: null, done: false },
        { status: result.status },
      );
    }
    return redirect(editAnswerPath(dilemma.slug, region.slug));
  }
  const parsed = parseForm(SuggestionSchema, form);
  if (!parsed.ok)
    return data({ intent, values: parsed.values, errors: parsed.errors, guard: null, done: false }, { status: 400 });
  const guard = guardTexts({ note: { label: "Toelichting", value: parsed.data.note } }, form);
  if (!guard.ok)
    return data({ intent, values: parsed.values, errors: {}, guard: guard.reports, done: false }, { status: 422 });
  const result = suggestAdoption(db, {
    userId: user.id,
    scope: memberScope(user),
    sourceVersionId: source.versionId,
    regionSlug: parsed.data.region,
    note: parsed.data.note,
  });
  if (!result.ok) {
    if (result.status === 403) forbidden(result.message);
    if (result.status === 404) notFound(result.message);
    return data(
      { intent, values: parsed.values, errors: { region: result.message }, guard: null, done: false },
      { status: result.status },
    );
  }
  return { intent, values: {}, errors: {}, guard: null, done: true };
}

interface FormResult {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  guard: GuardFieldReport[] | null;
  done: boolean;
}

export default function Adopt() {
  const { dilemma, source, adoptInto, suggestFor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const mine = (intent: string) => (result?.intent === intent ? (result as FormResult) : undefined);
  const suggest = mine("suggest");
  const adopt = mine("adopt");
  return (
    <div className="page-width narrow">
      <Breadcrumbs
        trail={[
          { to: "/dilemmas", label: "Dilemma's" },
          { to: dilemmaPath(dilemma.slug), label: dilemma.title },
        ]}
        current="Overnemen"
      />
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
          <Form method="post" noValidate className="stack-form">
            <input type="hidden" name="intent" value="adopt" />
            <input type="hidden" name="basis" value={String(source.inForce)} />
            <SelectField
              id="adopt-region"
              name="region"
              label="Voor welke regio?"
              defaultValue={adoptInto.length === 1 ? adoptInto[0]!.value : adopt?.values.region}
              error={adopt?.errors.region}
            >
              {adoptInto.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <button className="utrecht-button utrecht-button--primary-action" type="submit">
              Concept maken
            </button>
          </Form>
        </section>
      )}

      {suggestFor.length > 0 && (
        <section aria-labelledby="voorstellen">
          <Heading level={2} id="voorstellen">
            Voorstellen aan de leertuin van uw regio
          </Heading>
          {suggest?.done ? (
            <Alert type="ok">
              Uw voorstel staat op de agenda van de leertuinbegeleider. U krijgt een melding als er over besloten is.
            </Alert>
          ) : (
            <Form method="post" noValidate className="stack-form">
              <input type="hidden" name="intent" value="suggest" />
              {suggest?.guard && <GuardReport reports={suggest.guard} />}
              <SelectField
                id="suggest-region"
                name="region"
                label="Voor welke regio?"
                defaultValue={suggestFor.length === 1 ? suggestFor[0]!.value : suggest?.values.region}
                error={suggest?.errors.region}
              >
                {suggestFor.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </SelectField>
              <TextArea
                name="note"
                label="Toelichting (mag leeg)"
                description="Waarom past deze afspraak bij uw regio?"
                rows={4}
                defaultValue={suggest?.values.note}
                error={suggest?.errors.note}
              />
              <button className="utrecht-button utrecht-button--secondary-action" type="submit">
                Voorstellen
              </button>
            </Form>
          )}
        </section>
      )}
    </div>
  );
}
