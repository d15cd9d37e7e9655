// What /afwegen does with a request: the answers from the URL (bookmarkable, never the purpose) or from a
// posted form (with the purpose, which passes the anonymity guard and is never stored or logged).
import type { z } from "zod";

import type { GuardFieldReport } from "~/components/guard-report";
import {
  ANSWER_FIELDS,
  answersRecord,
  RecordFormSchema,
  WeighingAnswersSchema,
  WeighingFormSchema,
} from "~/domain/weighing-form";
import { type ActionResult, actionResult, type FormValues } from "~/utils/action-result";
import { todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { type FieldErrors, fieldErrors, type FormRecord, formValues } from "~/utils/forms";
import { readerRegion } from "~/utils/reader-region.server";
import { guardTexts } from "~/workflow/text-guard.server";
import { consultedAnswer, recordRouteOptions, weighingRecord } from "./weighing-record";
import { buildWeighingView, type WeighingView } from "./weighing-view.server";

export type FormState = {
  mode: "form";
  /** The answers a link prefilled, or what was posted. */
  values: FormValues;
  /** What the posted form was refused for. */
  result: ActionResult | null;
};
export type AnswerState = {
  mode: "answer";
  view: WeighingView;
  /** The posted form, which the record form under the answer starts from. */
  values: FormValues;
  /** What the record form was refused for. */
  result: ActionResult | null;
};
export type RecordState = {
  mode: "record";
  view: WeighingView;
  record: ReturnType<typeof weighingRecord>;
  /** The posted form, to download the same record from the printable page. */
  values: FormValues;
};
export type WeighingState = FormState | AnswerState | RecordState;

type Outcome = { status: number; state: WeighingState };

const PURPOSE_LABEL = "Het doel";

async function ownRegion(request: Request) {
  return (await readerRegion(request))?.slug ?? null;
}

/** Only the errors of fields that were given: a link that prefills part of the form is no error. */
function errorsOfGiven(error: z.ZodError, given: Record<string, string | string[]>): FieldErrors {
  const all = fieldErrors(error);
  const present = (name: string) => {
    const value = given[name];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== "";
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => present(name)));
}

/** GET: the form (empty, or prefilled by a link), or the answer page when the URL holds every answer. */
export async function weighingFromUrl(request: Request): Promise<Outcome> {
  const given = answersRecord(new URL(request.url).searchParams);
  const complete = ANSWER_FIELDS.every((name) => typeof given[name] === "string" && given[name] !== "");
  const parsed = WeighingAnswersSchema.safeParse(given);
  if (complete && parsed.success && given.aanpassen === undefined) {
    const view = buildWeighingView(getDb(), parsed.data, "", await ownRegion(request));
    return { status: 200, state: { mode: "answer", view, values: {}, result: null } };
  }
  const errors = parsed.success ? {} : errorsOfGiven(parsed.error, given);
  const { aanpassen: _edit, ...values } = given;
  if (Object.keys(errors).length === 0) return { status: 200, state: { mode: "form", values, result: null } };
  return { status: 400, state: { mode: "form", values, result: actionResult({ outcome: "invalid", values, errors }) } };
}

/** The form again, with what was wrong with it. */
function refusedForm(values: FormValues, refusal: Pick<ActionResult, "errors"> | Pick<ActionResult, "guard">): Outcome {
  const result = actionResult({ outcome: "guard" in refusal ? "guard" : "invalid", values, ...refusal });
  return { status: "guard" in refusal ? 422 : 400, state: { mode: "form", values, result } };
}

/** POST with intent "weigh": the form's answers and purpose → the answer page. */
export async function weighingFromForm(request: Request, form: FormRecord): Promise<Outcome> {
  const values = formValues(form);
  const parsed = WeighingFormSchema.safeParse(form);
  if (!parsed.success) return refusedForm(values, { errors: fieldErrors(parsed.error) });
  const guard = guardTexts({ doel: { label: PURPOSE_LABEL, value: parsed.data.doel } }, form);
  if (!guard.ok) return refusedForm(values, { guard: guard.reports });
  const view = buildWeighingView(getDb(), parsed.data, parsed.data.doel, await ownRegion(request));
  return { status: 200, state: { mode: "answer", view, values, result: null } };
}

/** POST with intent "record" (or the download): the record of the weighing, or the answer page with what to fix. */
export async function weighingRecordFromForm(request: Request, form: FormRecord): Promise<Outcome> {
  const values = formValues(form);
  const answers = WeighingAnswersSchema.safeParse(form);
  if (!answers.success) return refusedForm(values, { errors: fieldErrors(answers.error) });
  const purpose = typeof form.doel === "string" ? form.doel.trim() : "";
  const view = buildWeighingView(getDb(), answers.data, purpose, await ownRegion(request));
  const refuse = (status: 400 | 422, errors: FieldErrors, guard: GuardFieldReport[] | null = null): Outcome => ({
    status,
    state: {
      mode: "answer",
      view,
      values,
      result: actionResult({ outcome: guard ? "guard" : "invalid", values, errors, guard }),
    },
  });
  const parsed = RecordFormSchema.safeParse(form);
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error));
  if (!recordRouteOptions(view).includes(parsed.data.route))
    return refuse(400, { route: "Kies een route die bij deze afweging hoort." });
  if (parsed.data.afspraak !== "" && !consultedAnswer(view, parsed.data.afspraak))
    return refuse(400, { afspraak: "Kies een afspraak uit de lijst." });
  const guard = guardTexts({ doel: { label: PURPOSE_LABEL, value: parsed.data.doel } }, form);
  if (!guard.ok) return refuse(422, {}, guard.reports);
  const record = weighingRecord(view, { route: parsed.data.route, consulted: parsed.data.afspraak }, todayIso());
  return { status: 200, state: { mode: "record", view, record, values } };
}
