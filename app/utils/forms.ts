import type { z } from "zod";

/** The first message per field of a failed zod parse, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
  return errors;
}

/** A form's text fields as strings (files and repeated names are left to the schema to refuse). */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form: Record<string, string> = {};
  for (const [key, value] of await request.formData()) {
    if (typeof value === "string" && !(key in form)) form[key] = value;
  }
  return form;
}
