import type { z } from "zod";

/** The first message per field of a failed zod parse, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
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
  const data = await request.formData();
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of data) {
    if (typeof value === "string" && !(key in form) && !(lists as readonly string[]).includes(key)) form[key] = value;
  }
  for (const key of lists) form[key] = data.getAll(key).filter((v): v is string => typeof v === "string");
  return form as Record<string, string> & Record<L, string[]>;
}
