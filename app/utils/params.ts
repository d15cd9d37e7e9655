import { z } from "zod";

/** Every slug (dilemma, region, theme, code, sector): lowercase letters and digits, words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

/** A slug with the refusal worded for its reader: a form's Dutch sentence, a content file's English note. */
export function slugSchema(message = "expected a slug: lowercase letters, digits and single hyphens") {
  return z.string().max(SLUG_MAX_LENGTH, message).regex(SLUG_PATTERN, message);
}

/** A slug in content, in a URL (path segment or query parameter: anything else is a wrong address) or a form. */
export const SlugSchema = slugSchema();

/** The params of a route with one `$slug` segment. */
export const SlugParamsSchema = z.object({ slug: SlugSchema });

/** The params of an answer version's pages: `/dilemmas/$slug/afspraken/$regio/$versie`. */
export const VersionParamsSchema = z.object({
  slug: SlugSchema,
  regio: SlugSchema,
  versie: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number),
});

/** An optional query parameter; an empty value (a form's "Alle") counts as absent. */
export function optionalParam<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/** The page number of a paged list, 1 when absent. */
export const PageSchema = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.coerce.number().int().min(1).max(100_000).default(1),
);
