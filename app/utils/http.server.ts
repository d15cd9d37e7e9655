import { data } from "@remix-run/node";
import type { z } from "zod";

/** Stops a loader with the Dutch 404 page; the message says what was not found. */
export function notFound(message = "Deze pagina bestaat niet (meer)."): never {
  throw data({ message }, { status: 404 });
}

/** Parses route params or search params with zod; anything that does not fit is a 404, never a crash. */
export function parseOr404<S extends z.ZodType>(schema: S, input: unknown, message?: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) notFound(message ?? "Deze pagina bestaat niet: de link klopt niet.");
  return parsed.data;
}

/** The search params as a plain object; a repeated key keeps its first value. */
export function searchParamsObject(url: string | URL): Record<string, string> {
  const params = new URL(url).searchParams;
  const result: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in result)) result[key] = value;
  return result;
}
