import type { z } from "zod";

import { fieldErrors } from "./forms";

export type FieldErrors = Record<string, string>;

export type FormParse<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; values: Record<string, string>; errors: FieldErrors };

/**
 * Parses a submitted form with its zod schema. `keep` names the fields sent back on an error, so the
 * form shows what the user typed; passwords are never among them.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, keep: readonly string[]): FormParse<z.infer<S>> {
  const entries = Object.fromEntries(form);
  const values = Object.fromEntries(keep.map((k) => [k, typeof entries[k] === "string" ? String(entries[k]).slice(0, 5000) : ""]));
  const parsed = schema.safeParse(entries);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, values, errors: fieldErrors(parsed.error) };
}

/** A UNIQUE constraint failure, told by SQLite's error code rather than by its message. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}
