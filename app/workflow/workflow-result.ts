/**
 * Why a workflow write did not happen, as the status a route answers with: 403 it is not this
 * person's to do, 404 what it is about does not exist (any more), 409 the state changed or does not
 * allow it. Routes hand it to `failed` (app/utils/action-result.server.ts), never map it themselves.
 */
export interface WorkflowFailure {
  ok: false;
  status: 403 | 404 | 409;
  message: string;
  /** The form field the message belongs to, when it is that one field's problem. */
  field?: string;
}

/** A workflow write's outcome: `ok` with what the caller needs next, or a failure. */
export type WorkflowResult<T extends object = object> = ({ ok: true } & T) | WorkflowFailure;

export function workflowFailure(status: WorkflowFailure["status"], message: string, field?: string): WorkflowFailure {
  return field === undefined ? { ok: false, status, message } : { ok: false, status, message, field };
}
