import { z } from "zod";

/** A slug in a URL (path segment or query parameter): anything else is a wrong address. */
export const SlugParam = z.string().regex(/^[a-z0-9-]{1,120}$/);

/** An optional query parameter; an empty value (a form's "Alle") counts as absent. */
export function optionalParam<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/** The page number of a paged list, 1 when absent. */
export const PageParam = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.coerce.number().int().min(1).max(100_000).default(1),
);
