import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** A submitted form as `readForm` gives it: text per name, the listed names as arrays. */
export type FormRecord = Record<string, string | string[]>;

export type FormParse<T, F extends FormRecord> =
  { ok: true; data: T; values: Partial<F> } | { ok: false; errors: FieldErrors; values: Partial<F> };

/** The Dutch answer to a body that is not a form (also request-guards.server.ts's message). */
export const UNREADABLE_FORM =
  "Dit formulier kon niet worden gelezen. Ga terug naar de pagina in Leertuin en verstuur het opnieuw.";

/** Names of fields that never go back to the browser: a password is typed again, not echoed. */
const SECRET_FIELD = /password|wachtwoord/i;

export const isSecretField = (name: string) => SECRET_FIELD.test(name);

/** The first message per field of a failed zod parse, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
  return errors;
}

/**
 * A form's text fields: the first value of each name, and every value of the names listed in
 * `lists` (checkbox groups). Files are dropped; the schema refuses what is missing.
 */
export async function readForm<L extends string = never>(
  request: Request,
  lists: readonly L[] = [],
): Promise<Record<string, string> & Record<L, string[]>> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    // A broken multipart or url-encoded body: the client's mistake, answered like any unreadable form.
    throw new Response(JSON.stringify({ message: UNREADABLE_FORM }), {
      status: 415,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
  const form: FormRecord = {};
  for (const [key, value] of data) {
    if (typeof value === "string" && !Object.hasOwn(form, key) && !(lists as readonly string[]).includes(key))
      form[key] = value;
  }
  for (const key of lists) form[key] = data.getAll(key).filter((v): v is string => typeof v === "string");
  return form as Record<string, string> & Record<L, string[]>;
}

/** What a form shows again after a refusal: everything that was typed except its secret fields. */
export function formValues<F extends FormRecord>(form: F): Partial<F> {
  return Object.fromEntries(Object.entries(form).filter(([name]) => !isSecretField(name))) as Partial<F>;
}

/**
 * Parses a form read by `readForm` with its zod schema. Either way it carries `values`, the form to
 * show again (when the schema or the write after it refuses), which never holds a secret field.
 */
export function parseForm<S extends z.ZodType, F extends FormRecord>(schema: S, form: F): FormParse<z.output<S>, F> {
  const values = formValues(form);
  const parsed = schema.safeParse(form);
  return parsed.success
    ? { ok: true, data: parsed.data, values }
    : { ok: false, errors: fieldErrors(parsed.error), values };
}
