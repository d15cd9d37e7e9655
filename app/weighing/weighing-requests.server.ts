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
import { todayIso } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { type FieldErrors, fieldErrors, type FormRecord, formValues } from "~/utils/forms";
import { readerRegion } from "~/utils/reader-region.server";
import { guardTexts } from "~/workflow/text-guard.server";
import { consultedAnswer, recordRouteOptions, weighingRecord } from "./weighing-record";
import { buildWeighingView, type WeighingView } from "./weighing-view.server";

export type FormState = {
  mode: "form";
  values: Partial<FormRecord>;
  errors: FieldErrors;
  guard: GuardFieldReport[] | null;
};
export type AnswerState = {
  mode: "answer";
  view: WeighingView;
  /** The record form under the answer: what was typed and what was refused. */
  recordForm: { values: Partial<FormRecord>; errors: FieldErrors; guard: GuardFieldReport[] | null };
};
export type RecordState = {
  mode: "record";
  view: WeighingView;
  record: ReturnType<typeof weighingRecord>;
  /** The posted form, to download the same record from the printable page. */
  values: Partial<FormRecord>;
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
    return { status: 200, state: { mode: "answer", view, recordForm: { values: {}, errors: {}, guard: null } } };
  }
  const errors = parsed.success ? {} : errorsOfGiven(parsed.error, given);
  const { aanpassen: _edit, ...values } = given;
  return { status: Object.keys(errors).length > 0 ? 400 : 200, state: { mode: "form", values, errors, guard: null } };
}

/** POST with intent "afwegen": the form's answers and purpose → the answer page. */
export async function weighingFromForm(request: Request, form: FormRecord): Promise<Outcome> {
  const values = formValues(form);
  const parsed = WeighingFormSchema.safeParse(form);
  if (!parsed.success)
    return { status: 400, state: { mode: "form", values, errors: fieldErrors(parsed.error), guard: null } };
  const guard = guardTexts({ doel: { label: PURPOSE_LABEL, value: parsed.data.doel } }, form);
  if (!guard.ok) return { status: 422, state: { mode: "form", values, errors: {}, guard: guard.reports } };
  const view = buildWeighingView(getDb(), parsed.data, parsed.data.doel, await ownRegion(request));
  return { status: 200, state: { mode: "answer", view, recordForm: { values, errors: {}, guard: null } } };
}

/** POST with intent "vastleggen" or "downloaden": the record of the weighing, or the answer page with what to fix. */
export async function weighingRecordFromForm(request: Request, form: FormRecord): Promise<Outcome> {
  const values = formValues(form);
  const answers = WeighingAnswersSchema.safeParse(form);
  if (!answers.success)
    return { status: 400, state: { mode: "form", values, errors: fieldErrors(answers.error), guard: null } };
  const purpose = typeof form.doel === "string" ? form.doel.trim() : "";
  const view = buildWeighingView(getDb(), answers.data, purpose, await ownRegion(request));
  const refuse = (status: number, errors: FieldErrors, guard: GuardFieldReport[] | null = null): Outcome => ({
    status,
    state: { mode: "answer", view, recordForm: { values, errors, guard } },
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
