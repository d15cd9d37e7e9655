import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";

import { forbidden, requireFacilitatedRegion } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { TextLink } from "~/components/links";
import { SubmitButton, useSubmitOnce } from "~/components/submit-once";
import { Heading, Paragraph, RichText } from "~/components/text";
import { ANSWER_SECTIONS, ROUTE_LABELS, ROUTES, VERDICT_LABELS, VERDICTS } from "~/domain/vocabulary";
import { listCitableArticles } from "~/models/code.server";
import { todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm, readForm } from "~/utils/forms";
import { notFound, parseOr404 } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { SlugSchema } from "~/utils/params";
import { dilemmaPath, editAnswerPath, versionPath } from "~/utils/paths";
import {
  ANSWER_TEXT_FIELDS,
  AnswerFormSchema,
  BasisFieldSchema,
  discardDraft,
  type EditFailure,
  getEditorState,
  publishAnswer,
  saveDraft,
  withdrawAnswer,
} from "~/workflow/answer-editing.server";
import { readableDilemma } from "~/workflow/dilemma-access.server";
import { ReasonSchema } from "~/workflow/reason";
import { guardTexts } from "~/workflow/text-guard.server";

const ParamsSchema = z.object({ slug: SlugSchema, regio: SlugSchema });
const IntentSchema = z.object({ intent: z.enum(["preview", "draft", "publish", "discard", "withdraw"]) });
const WithdrawSchema = z.object({ reason: ReasonSchema });
/** The base the form was opened on (hidden field); a form without one claims none, a malformed one is stale. */
const BasisSchema = z.object({ basis: z.union([BasisFieldSchema, z.string().transform(() => "0.0.x")]).optional() });

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data ? `Afspraak ${data.region.name}: ${data.dilemma.title}` : "Afspraak bewerken");

async function context(request: Request, params: unknown) {
  const { slug, regio } = parseOr404(ParamsSchema, params, "Deze afspraak bestaat niet.");
  const { user, region } = await requireFacilitatedRegion(request, regio);
  const { dilemma } = await readableDilemma(request, slug);
  return { user, region, dilemma };
}

type Values = Record<string, string | string[]>;

/** The form's starting values from a stored version. */
function valuesOf(version: NonNullable<ReturnType<typeof getEditorState>["draft"]>): Values {
  return {
    verdict: version.verdict,
    route: version.route,
    ...Object.fromEntries(ANSWER_SECTIONS.map(({ key, field }) => [key, version[field]])),
    conditions: version.conditions.join("\n"),
    agreedOn: version.agreedOn,
    agreedBy: version.agreedBy,
    reviewBy: version.reviewBy ?? "",
    citations: version.citationIds.map(String),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { region, dilemma } = await context(request, params);
  const db = getDb();
  const state = getEditorState(db, dilemma.id, region.id);
  const start = state.draft ?? state.current;
  const url = new URL(request.url);
  return {
    dilemma: { slug: dilemma.slug, title: dilemma.title, question: dilemma.question, status: dilemma.status },
    region: { slug: region.slug, name: region.name },
    basis: state.basis,
    hasDraft: Boolean(state.draft),
    draftVersion: state.draft?.version ?? null,
    adoptedFrom: state.draft?.adoptedFromVersionId ?? null,
    published: state.answer?.status === "published" && state.current ? { version: state.current.version } : null,
    values: start
      ? { ...valuesOf(start), ...(state.draft ? {} : { agreedOn: todayIso() }) }
      : { agreedOn: todayIso(), citations: [] },
    codes: listCitableArticles(db),
    saved: url.searchParams.has("opgeslagen"),
  };
}

function failure(result: EditFailure, values: Partial<Values>) {
  if (result.status === 403) forbidden(result.message);
  if (result.status === 404) notFound(result.message);
  // After a 409 the form takes the current base: sending it again is a deliberate choice, made after the message.
  const { basis: _stale, ...kept } = values;
  return data(
    { values: kept, errors: {}, formError: result.message, guard: null, preview: null },
    { status: result.status },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, region, dilemma } = await context(request, params);
  const form = await readForm(request, ["citations"] as const);
  const { intent } = parseOr404(IntentSchema, form, "Deze handeling bestaat niet.");
  const db = getDb();
  const target = { actorId: user.id, dilemmaId: dilemma.id, regionId: region.id };
  const { basis } = BasisSchema.parse(form);
  const here = editAnswerPath(dilemma.slug, region.slug);

  if (intent === "withdraw") {
    const parsed = parseForm(WithdrawSchema, form);
    if (!parsed.ok)
      return data(
        { values: parsed.values, errors: parsed.errors, formError: null, guard: null, preview: null },
        { status: 400 },
      );
    // The reason stays readable at the dilemma for everyone who may read it: the guard reads it first.
    const guard = guardTexts({ reason: { label: "Reden van intrekken", value: parsed.data.reason } }, form);
    if (!guard.ok)
      return data(
        { values: parsed.values, errors: {}, formError: null, guard: guard.reports, preview: null },
        { status: 422 },
      );
    const result = withdrawAnswer(db, target, parsed.data.reason);
    return result.ok ? redirect(dilemmaPath(dilemma.slug)) : failure(result, parsed.values);
  }
  if (intent === "discard") {
    const result = discardDraft(db, target, basis);
    return result.ok ? redirect(here) : failure(result, formValues(form));
  }

  const parsed = parseForm(AnswerFormSchema, form);
  if (!parsed.ok)
    return data(
      { values: parsed.values, errors: parsed.errors, formError: null, guard: null, preview: null },
      { status: 400 },
    );
  const { data: answer, values } = parsed;
  const texts = Object.fromEntries(
    Object.entries(ANSWER_TEXT_FIELDS).map(([field, label]) => {
      const value = answer[field as keyof typeof ANSWER_TEXT_FIELDS];
      return [field, { label, value: Array.isArray(value) ? value.join("\n") : value }];
    }),
  );
  const guard = guardTexts(texts, form);
  if (!guard.ok)
    return data({ values, errors: {}, formError: null, guard: guard.reports, preview: null }, { status: 422 });

  if (intent === "preview") {
    const preview = {
      verdict: answer.verdict,
      route: answer.route,
      sections: ANSWER_SECTIONS.map(({ key, heading }) => ({ key, heading, html: renderMarkdown(answer[key]) })),
      conditions: answer.conditions,
    };
    return { values, errors: {}, formError: null, guard: null, preview };
  }
  if (intent === "draft") {
    const result = saveDraft(db, target, answer, basis);
    return result.ok ? redirect(editAnswerPath(dilemma.slug, region.slug, { opgeslagen: 1 })) : failure(result, values);
  }
  const result = publishAnswer(db, target, answer, basis);
  return result.ok
    ? redirect(versionPath(dilemma.slug, region.slug, result.version, { gepubliceerd: 1 }))
    : failure(result, values);
}

export default function EditAnswer() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { dilemma, region, codes } = loaded;
  const values = (result?.values ?? loaded.values) as Values;
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const cited = Array.isArray(values.citations) ? values.citations : [];
  const writable = dilemma.status === "on-agenda" || dilemma.status === "answered";
  const submitOnce = useSubmitOnce();
  const navigation = useNavigation();
  const sentIntent = submitOnce.pending ? navigation.formData?.get("intent") : null;
  return (
    <div className="page-width narrow">
      <Breadcrumbs
        trail={[
          { to: "/dilemmas", label: "Dilemma's" },
          { to: dilemmaPath(dilemma.slug), label: dilemma.title },
        ]}
        current={`Afspraak ${region.name}`}
      />
      <Heading level={1}>Afspraak van {region.name}</Heading>
      <p className="lead-question">{dilemma.question}</p>
      {loaded.saved && !result && (
        <Alert type="ok">Het concept is opgeslagen. Alleen leertuinbegeleiders van {region.name} zien het.</Alert>
      )}
      {!writable && (
        <Alert type="warning">
          Dit dilemma staat niet op de agenda; een afspraak kan pas als het op de agenda staat.
        </Alert>
      )}
      <Paragraph>
        {loaded.hasDraft
          ? `U werkt aan een concept (versie ${loaded.draftVersion}).`
          : loaded.published
            ? `Geldend is versie ${loaded.published.version}. Publiceren maakt een nieuwe versie; de eerdere blijft leesbaar.`
            : "Er is nog geen afspraak van deze regio. Publiceren maakt versie 1."}
        {loaded.adoptedFrom !== null &&
          " Dit concept is overgenomen van een andere regio; pas aan wat voor uw regio anders is."}
      </Paragraph>
      {result?.formError && <Alert type="error">{result.formError}</Alert>}
      {values.intent !== "withdraw" && (
        <ErrorSummary
          errors={errors}
          fieldIds={{ verdict: `verdict-${VERDICTS[0]}`, route: `route-${ROUTES[0]}`, citations: "wetsartikelen" }}
        />
      )}

      {result?.preview && (
        <section className="preview" aria-labelledby="voorbeeld">
          <Heading level={2} id="voorbeeld">
            Voorbeeld (nog niet opgeslagen)
          </Heading>
          <p className="utrecht-paragraph">
            <strong>{VERDICT_LABELS[result.preview.verdict]}</strong> — route: {ROUTE_LABELS[result.preview.route]}
          </p>
          {result.preview.sections.map((s) => (
            <section key={s.key}>
              <Heading level={3}>{s.heading}</Heading>
              <RichText html={s.html} />
            </section>
          ))}
          {result.preview.conditions.length > 0 && (
            <ul className="utrecht-unordered-list">
              {result.preview.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <Form method="post" noValidate className="stack-form" onSubmit={submitOnce.onSubmit}>
        <input type="hidden" name="basis" value={typeof values.basis === "string" ? values.basis : loaded.basis} />
        {result?.guard && values.intent !== "withdraw" && <GuardReport reports={result.guard} />}
        <ChoiceGroup
          type="radio"
          name="verdict"
          legend="Oordeel"
          options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))}
          checked={[text("verdict")]}
          error={errors.verdict}
        />
        <ChoiceGroup
          type="radio"
          name="route"
          legend="Route"
          description="Langs welke weg mag iemand met een geheimhoudingsplicht delen?"
          options={ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS[r] }))}
          checked={[text("route")]}
          error={errors.route}
        />
        {ANSWER_SECTIONS.map(({ key, heading }) => (
          <TextArea
            key={key}
            name={key}
            label={heading}
            rows={key === "agreement" ? 6 : 4}
            defaultValue={text(key)}
            error={errors[key]}
          />
        ))}
        <TextArea
          name="conditions"
          label="Voorwaarden"
          description="Eén voorwaarde per regel, bijvoorbeeld: Informeer de ouders vooraf."
          rows={4}
          defaultValue={text("conditions")}
          error={errors.conditions}
        />
        <TextField
          name="agreedBy"
          label="Afgesproken door (mag leeg)"
          optional
          description="Bijvoorbeeld: leertuin Zeeland, overleg van 12 maart."
          defaultValue={text("agreedBy")}
          error={errors.agreedBy}
        />
        <TextField
          type="date"
          name="agreedOn"
          label="Afgesproken op"
          defaultValue={text("agreedOn")}
          error={errors.agreedOn}
        />
        <TextField
          type="date"
          name="reviewBy"
          label="Herzien uiterlijk (mag leeg)"
          optional
          defaultValue={text("reviewBy")}
          error={errors.reviewBy}
        />
        <fieldset className="utrecht-form-fieldset citation-picker" id="wetsartikelen" tabIndex={-1}>
          <legend className="utrecht-form-fieldset__legend">Wetsartikelen en beroepscodes</legend>
          {errors.citations && <p className="utrecht-form-field-error-message">{errors.citations}</p>}
          {codes.map((code) => (
            <details key={code.slug} open={code.articles.some((a) => cited.includes(String(a.id))) || undefined}>
              <summary>
                {code.title} ({code.articles.filter((a) => cited.includes(String(a.id))).length} gekozen)
              </summary>
              {code.articles.map((a) => (
                <div key={a.id} className="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    type="checkbox"
                    id={`artikel-${a.id}`}
                    name="citations"
                    value={a.id}
                    defaultChecked={cited.includes(String(a.id))}
                  />
                  <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`artikel-${a.id}`}>
                    {a.heading}
                  </label>
                </div>
              ))}
            </details>
          ))}
        </fieldset>
        <div className="button-row">
          <SubmitButton
            appearance="secondary"
            name="intent"
            value="preview"
            pending={submitOnce.pending}
            busy={sentIntent === "preview"}
          >
            Voorbeeld bekijken
          </SubmitButton>
          <SubmitButton
            appearance="secondary"
            name="intent"
            value="draft"
            pending={submitOnce.pending}
            busy={sentIntent === "draft"}
            pendingLabel="Bezig met opslaan…"
          >
            Concept opslaan
          </SubmitButton>
          <SubmitButton
            name="intent"
            value="publish"
            pending={submitOnce.pending || !writable}
            busy={sentIntent === "publish"}
            pendingLabel="Bezig met publiceren…"
          >
            Publiceren
          </SubmitButton>
        </div>
      </Form>

      {loaded.hasDraft && (
        <Form method="post" className="stack-form">
          <input type="hidden" name="basis" value={loaded.basis} />
          <button
            className="utrecht-button utrecht-button--secondary-action"
            type="submit"
            name="intent"
            value="discard"
          >
            Concept weggooien
          </button>
        </Form>
      )}
      {loaded.published && (
        <section aria-labelledby="intrekken">
          <Heading level={2} id="intrekken">
            Afspraak intrekken
          </Heading>
          <Paragraph>
            Geldt de afspraak niet meer? Trek haar in met een reden. Ze verdwijnt dan uit de bibliotheek; de reden en de
            datum blijven bij het dilemma te lezen. Wilt u haar alleen aanpassen, publiceer dan een nieuwe versie.{" "}
            <TextLink to={versionPath(dilemma.slug, region.slug, loaded.published.version)}>
              Bekijk de geldende versie
            </TextLink>
            .
          </Paragraph>
          <Form method="post" noValidate className="stack-form">
            <TextField
              name="reason"
              label="Reden van intrekken"
              defaultValue={values.intent === "withdraw" ? String(values.reason ?? "") : undefined}
              error={errors.reason}
            />
            {result?.guard && values.intent === "withdraw" && <GuardReport reports={result.guard} />}
            <button
              className="utrecht-button utrecht-button--secondary-action"
              type="submit"
              name="intent"
              value="withdraw"
            >
              Afspraak intrekken
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}
