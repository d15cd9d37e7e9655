import type { GuardFieldReport } from "~/components/guard-report";
import type { FieldErrors } from "./forms";

/** What a form shows again: text per field, checkbox groups as lists. Never a secret field (forms.ts). */
export type FormValues = Partial<Record<string, string | string[]>>;

/**
 * The one answer of every action that shows its page again (a success that moves on is a redirect).
 * `outcome` says which: `invalid` field errors (400), `guard` the anonymity guard's findings (422),
 * `refused` a conflict or a refusal of the whole form (409, 429, …), `done` it worked.
 */
export interface ActionResult<P = null> {
  /** Which form of the page answered, where a page has more than one; else null. */
  intent: string | null;
  outcome: "invalid" | "guard" | "refused" | "done";
  /** What was typed, to fill the form again. */
  values: FormValues;
  errors: FieldErrors;
  /** A problem of the whole form, not of one field. */
  formError: string | null;
  guard: GuardFieldReport[] | null;
  /** What a successful action tells the reader. */
  message: string | null;
  /** What a successful action shows besides its message (a preview, recovery codes, a link). */
  payload: P | null;
}

export function actionResult<P = null>(
  fields: Pick<ActionResult<P>, "outcome"> & Partial<ActionResult<P>>,
): ActionResult<P> {
  return {
    intent: null,
    values: {},
    errors: {},
    formError: null,
    guard: null,
    message: null,
    payload: null,
    ...fields,
  };
}

/** The answer belongs to this form when its intent is one of the form's and every `match` field was this form's. */
export interface FormIdentity {
  intent?: string | readonly string[];
  /** Hidden fields that tell copies of one form apart, e.g. `{ dilemmaId: "12" }` on a list of proposals. */
  match?: Record<string, string>;
}

function isFor<P>(result: ActionResult<P> | undefined, identity: FormIdentity): result is ActionResult<P> {
  if (!result) return false;
  const { intent, match = {} } = identity;
  if (intent !== undefined && !(typeof intent === "string" ? [intent] : intent).includes(result.intent ?? ""))
    return false;
  return Object.entries(match).every(([name, value]) => (result.values[name] ?? "") === value);
}

/**
 * A form's state for its fields: what the action answered when the answer is this form's, otherwise
 * nothing; each field's value is what was typed, else `initial` (the stored value).
 */
export function formState<P>(
  result: ActionResult<P> | undefined,
  { initial = {}, ...identity }: FormIdentity & { initial?: FormValues } = {},
) {
  const own = isFor(result, identity) ? result : undefined;
  const value = (name: string) => own?.values[name] ?? initial[name];
  const text = (name: string) => {
    const v = value(name);
    return typeof v === "string" ? v : undefined;
  };
  const list = (name: string) => {
    const v = value(name);
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  };
  const errors: Partial<FieldErrors> = own?.errors ?? {};
  return {
    /** The action's answer, when it is this form's. */
    result: own,
    errors,
    guard: own?.guard ?? null,
    text,
    list,
    /** A text field's or select's `name`, `defaultValue` and `error`. */
    field: (name: string) => ({ name, defaultValue: text(name), error: errors[name] }),
    /** A checkbox or radio group's `name`, `checked` and `error`. */
    choice: (name: string) => ({ name, checked: list(name), error: errors[name] }),
  };
}

export type FormState = ReturnType<typeof formState>;
