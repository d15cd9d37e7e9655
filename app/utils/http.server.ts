import { data } from "@remix-run/node";
import { z } from "zod";

import { optionalParam } from "./params";

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

/**
 * The message a page was sent to with `?melding=<key>` (after a redirect that saved something), or
 * null; a key the page does not know is a wrong address.
 */
export function readNotice<K extends string>(request: Request, notices: Record<K, string>): string | null {
  const schema = z.object({ melding: optionalParam(z.enum(Object.keys(notices) as [K, ...K[]])) });
  const { melding } = parseOr404(schema, searchParamsObject(request.url), "Deze melding bestaat niet.");
  return melding ? notices[melding as K] : null;
}
