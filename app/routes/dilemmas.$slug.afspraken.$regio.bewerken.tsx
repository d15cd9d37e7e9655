import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";

import { requireFacilitatedRegion } from "~/auth/permissions.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs, dilemmaTrail } from "~/components/breadcrumbs";
import { Form } from "~/components/form";
import { FormFeedback } from "~/components/form-feedback";
import { ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { GuardReport } from "~/components/guard-report";
import { TextLink } from "~/components/links";
import { SubmitButton, useSubmitOnce } from "~/components/submit-once";
import { Heading, Paragraph, RichText } from "~/components/text";
import { ANSWER_SECTIONS, ROUTE_LABELS, ROUTES, VERDICT_LABELS, VERDICTS } from "~/domain/vocabulary";
import { listCitableArticles } from "~/models/code.server";
import { formState, type FormValues } from "~/utils/action-result";
import { done, failed, guarded, invalid } from "~/utils/action-result.server";
import { todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm, readForm } from "~/utils/forms";
import { parseOr404 } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { SlugSchema } from "~/utils/params";
import { dilemmaPath, editAnswerPath, versionPath } from "~/utils/paths";
import {
  ANSWER_TEXT_FIELDS,
  AnswerFormSchema,
  BasisFieldSchema,
  discardDraft,
  getEditorState,
  publishAnswer,
  saveDraft,
  withdrawAnswer,
} from "~/workflow/answer-editing.server";
import { readableDilemma } from "~/workflow/dilemma-access.server";
import { ReasonSchema } from "~/workflow/reason";
import { guardFields, guardTexts } from "~/workflow/text-guard.server";

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

/** The form's starting values from a stored version. */
function valuesOf(version: NonNullable<ReturnType<typeof getEditorState>["draft"]>): FormValues {
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
    values: (start
      ? { ...valuesOf(start), ...(state.draft ? {} : { agreedOn: todayIso() }) }
      : { agreedOn: todayIso(), citations: [] }) satisfies FormValues,
    codes: listCitableArticles(db),
    saved: url.searchParams.has("opgeslagen"),
  };
}

/** After a 409 the form takes the current base: sending it again is a deliberate choice, made after the message. */
const withoutBasis = ({ basis: _stale, ...kept }: FormValues) => kept;

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
    if (!parsed.ok) return invalid(parsed, { intent });
    // The reason stays readable at the dilemma for everyone who may read it: the guard reads it first.
    const guard = guardTexts({ reason: { label: "Reden van intrekken", value: parsed.data.reason } }, form);
    if (!guard.ok) return guarded(parsed.values, guard.reports, { intent });
    const result = withdrawAnswer(db, target, parsed.data.reason);
    return result.ok ? redirect(dilemmaPath(dilemma.slug)) : failed(result, parsed.values, { intent });
  }
  if (intent === "discard") {
    const result = discardDraft(db, target, basis);
    return result.ok ? redirect(here) : failed(result, withoutBasis(formValues(form)), { intent });
  }

  const parsed = parseForm(AnswerFormSchema, form);
  if (!parsed.ok) return invalid(parsed, { intent });
  const { data: answer, values } = parsed;
  const guard = guardFields(ANSWER_TEXT_FIELDS, answer, form);
  if (!guard.ok) return guarded(values, guard.reports, { intent });

  if (intent === "preview") {
    const preview = {
      verdict: answer.verdict,
      route: answer.route,
      sections: ANSWER_SECTIONS.map(({ key, heading }) => ({ key, heading, html: renderMarkdown(answer[key]) })),
      conditions: answer.conditions,
    };
    return done(null, { intent, values, payload: preview });
  }
  if (intent === "draft") {
    const result = saveDraft(db, target, answer, basis);
    return result.ok
      ? redirect(editAnswerPath(dilemma.slug, region.slug, { opgeslagen: 1 }))
      : failed(result, withoutBasis(values), { intent });
  }
  const result = publishAnswer(db, target, answer, basis);
  return result.ok
    ? redirect(versionPath(dilemma.slug, region.slug, result.version, { gepubliceerd: 1 }))
    : failed(result, withoutBasis(values), { intent });
}

export default function EditAnswer() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { dilemma, region, codes } = loaded;
  const editor = formState(result, { intent: ["preview", "draft", "publish", "discard"], initial: loaded.values });
  const withdrawal = formState(result, { intent: "withdraw" });
  const preview = editor.result?.payload;
  const cited = editor.list("citations");
  const writable = dilemma.status === "on-agenda" || dilemma.status === "answered";
  const submitOnce = useSubmitOnce();
  const navigation = useNavigation();
  const sentIntent = submitOnce.pending ? navigation.formData?.get("intent") : null;
  return (
    <div className="page-width narrow">
      <Breadcrumbs trail={dilemmaTrail(dilemma)} current={`Afspraak ${region.name}`} />
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
      <FormFeedback
        form={editor}
        fieldIds={{ verdict: `verdict-${VERDICTS[0]}`, route: `route-${ROUTES[0]}`, citations: "wetsartikelen" }}
      />

      {preview && (
        <section className="preview" aria-labelledby="voorbeeld">
          <Heading level={2} id="voorbeeld">
            Voorbeeld (nog niet opgeslagen)
          </Heading>
          <p className="utrecht-paragraph">
            <strong>{VERDICT_LABELS[preview.verdict]}</strong> — route: {ROUTE_LABELS[preview.route]}
          </p>
          {preview.sections.map((s) => (
            <section key={s.key}>
              <Heading level={3}>{s.heading}</Heading>
              <RichText html={s.html} />
            </section>
          ))}
          {preview.conditions.length > 0 && (
            <ul className="utrecht-unordered-list">
              {preview.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <Form method="post" noValidate className="stack-form" onSubmit={submitOnce.onSubmit}>
        <input type="hidden" name="basis" value={editor.text("basis") ?? loaded.basis} />
        {editor.guard && <GuardReport reports={editor.guard} />}
        <ChoiceGroup
          {...editor.choice("verdict")}
          type="radio"
          legend="Oordeel"
          options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))}
        />
        <ChoiceGroup
          {...editor.choice("route")}
          type="radio"
          legend="Route"
          description="Langs welke weg mag iemand met een geheimhoudingsplicht delen?"
          options={ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS[r] }))}
        />
        {ANSWER_SECTIONS.map(({ key, heading }) => (
          <TextArea key={key} {...editor.field(key)} label={heading} rows={key === "agreement" ? 6 : 4} />
        ))}
        <TextArea
          {...editor.field("conditions")}
          label="Voorwaarden"
          description="Eén voorwaarde per regel, bijvoorbeeld: Informeer de ouders vooraf."
          rows={4}
        />
        <TextField
          {...editor.field("agreedBy")}
          label="Afgesproken door (mag leeg)"
          optional
          description="Bijvoorbeeld: leertuin Zeeland, overleg van 12 maart."
        />
        <TextField {...editor.field("agreedOn")} type="date" label="Afgesproken op" />
        <TextField {...editor.field("reviewBy")} type="date" label="Herzien uiterlijk (mag leeg)" optional />
        <fieldset className="utrecht-form-fieldset citation-picker" id="wetsartikelen" tabIndex={-1}>
          <legend className="utrecht-form-fieldset__legend">Wetsartikelen en beroepscodes</legend>
          {editor.errors.citations && <p className="utrecht-form-field-error-message">{editor.errors.citations}</p>}
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
            intent="preview"
            pending={submitOnce.pending}
            busy={sentIntent === "preview"}
          >
            Voorbeeld bekijken
          </SubmitButton>
          <SubmitButton
            appearance="secondary"
            intent="draft"
            pending={submitOnce.pending}
            busy={sentIntent === "draft"}
            pendingLabel="Bezig met opslaan…"
          >
            Concept opslaan
          </SubmitButton>
          <SubmitButton
            intent="publish"
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
          <SubmitButton appearance="secondary" intent="discard">
            Concept weggooien
          </SubmitButton>
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
          <FormFeedback form={withdrawal} />
          <Form method="post" noValidate className="stack-form">
            <TextField {...withdrawal.field("reason")} label="Reden van intrekken" />
            {withdrawal.guard && <GuardReport reports={withdrawal.guard} />}
            <SubmitButton appearance="secondary" intent="withdraw">
              Afspraak intrekken
            </SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}
