import { data } from "@remix-run/node";

import { forbidden } from "~/auth/permissions.server";
import type { GuardFieldReport } from "~/components/guard-report";
import type { WorkflowFailure } from "~/workflow/workflow-result";
import { type ActionResult, actionResult, type FormValues } from "./action-result";
import type { FieldErrors } from "./forms";
import { notFound } from "./http.server";

interface Init {
  /** Which form of the page this answers (pages with more than one form). */
  intent?: string;
  status?: number;
  headers?: HeadersInit;
}

const reply = <P>(result: ActionResult<P>, status: number, init: Init) =>
  data(result, { status: init.status ?? status, headers: init.headers });

/** Invalid input: each field's Dutch message and the form as typed (400). */
export function invalid(form: { values: FormValues; errors: FieldErrors }, init: Init = {}) {
  return reply(
    actionResult({ outcome: "invalid", intent: init.intent ?? null, values: form.values, errors: form.errors }),
    400,
    init,
  );
}

/** The anonymity guard found something: its report beside the form as typed (422). */
export function guarded(values: FormValues, reports: GuardFieldReport[], init: Init = {}) {
  return reply(actionResult({ outcome: "guard", intent: init.intent ?? null, values, guard: reports }), 422, init);
}

/** A refusal of the whole form (a message) or of fields (their messages); 409 unless said otherwise. */
export function refused(values: FormValues, problem: string | FieldErrors, init: Init = {}) {
  const problems = typeof problem === "string" ? { formError: problem } : { errors: problem };
  return reply(actionResult({ outcome: "refused", intent: init.intent ?? null, values, ...problems }), 409, init);
}

/** It worked: an optional message, and what the page shows besides it. */
export function done<P = null>(message: string | null, init: Init & { payload?: P; values?: FormValues } = {}) {
  const { payload = null, values = {} } = init;
  return reply(actionResult<P>({ outcome: "done", intent: init.intent ?? null, message, payload, values }), 200, init);
}

/**
 * The one mapping of a workflow failure to an answer: 403 and 404 throw the Dutch error pages, a 409
 * shows the form again with the message at its field (the failure's, else `field`) or above the form.
 */
export function failed(failure: WorkflowFailure, values: FormValues, init: Init & { field?: string } = {}) {
  if (failure.status === 403) forbidden(failure.message);
  if (failure.status === 404) notFound(failure.message);
  const field = failure.field ?? init.field;
  return refused(values, field ? { [field]: failure.message } : failure.message, { ...init, status: failure.status });
}
