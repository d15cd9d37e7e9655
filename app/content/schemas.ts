import { z } from "zod";

import { CODE_KINDS, ROUTES, SECTORS, VERDICTS } from "~/domain/vocabulary";
import { SlugSchema } from "~/utils/params";

export { SlugSchema };

/** YAML turns unquoted dates into Date objects; both forms end up as `YYYY-MM-DD`. */
export const DateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), "expected a real date"),
);

const TextSchema = z.string().trim().min(1, "expected non-empty text");
const ArticleRefSchema = z
  .string()
  .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, "expected a reference as <code-slug>#<anchor>, e.g. avg#art-6-lid-1-sub-e");

export const SectorSchema = z.enum(SECTORS);

export const ThemesFileSchema = z.record(SlugSchema, TextSchema);

export const SynonymsFileSchema = z
  .array(z.array(TextSchema).min(2, "expected a group of at least two words"))
  .superRefine((groups, ctx) => {
    const seen = new Map<string, number>();
    groups.forEach((group, i) =>
      group.forEach((word) => {
        const key = word.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `expected each word in one group only; '${word}' is also in group ${seen.get(key)! + 1}` });
        seen.set(key, i);
      }),
    );
  });

export const RegionFrontMatterSchema = z.strictObject({
  name: TextSchema,
  province: TextSchema,
  since: DateSchema,
  /** Within how many years an answer of this region is reviewed: an answer's review_by is its agreed date plus this. */
  review_years: z.number().int().min(1).max(5).optional(),
  organisations: z.array(z.strictObject({ name: TextSchema, sector: SectorSchema })).default([]),
});

export const CodeFrontMatterSchema = z.strictObject({
  title: TextSchema,
  kind: z.enum(CODE_KINDS),
  issuer: TextSchema,
  profession: TextSchema.optional(),
  version: z.union([TextSchema, z.number().transform(String)]),
  source: z.url({ protocol: /^https?$/, message: "expected an http(s) URL" }),
  /** The date this edition took effect; required for a file in a code folder (content/codes/<slug>/<date>.md). */
  effective: DateSchema.optional(),
  /** The date the text stopped applying without a successor in this code (the Wbp: 2018-05-25). */
  ends: DateSchema.optional(),
  /** What changed in this edition, in our own words (markdown). */
  summary: TextSchema.optional(),
});

export const DilemmaFrontMatterSchema = z.strictObject({
  title: TextSchema,
  question: TextSchema,
  holder: SectorSchema,
  asking: z.array(SectorSchema).min(1, "expected at least one asking sector"),
  themes: z.array(SlugSchema).min(1, "expected at least one theme"),
  region: SlugSchema,
  raised: DateSchema,
  purpose: TextSchema.optional(),
});

export const AnswerFrontMatterSchema = z
  .strictObject({
    verdict: z.enum(VERDICTS),
    agreed: DateSchema,
    version: z.number().int().min(1),
    adopted_from: SlugSchema.optional(),
    route: z.enum(ROUTES),
    review_by: DateSchema.optional(),
    agreed_by: TextSchema.optional(),
    grounds: z.array(ArticleRefSchema).default([]),
    codes: z.array(ArticleRefSchema).default([]),
    conditions: z.array(TextSchema).default([]),
    /** Points not yet checked against the official text: shown to the region's facilitators, never in public text. */
    unverified: z.array(z.strictObject({ point: TextSchema, reference: ArticleRefSchema.optional() })).default([]),
  })
  .refine((a) => a.verdict !== "delen-onder-voorwaarden" || a.conditions.length > 0, {
    path: ["conditions"],
    message: "expected at least one condition when the verdict is delen-onder-voorwaarden",
  })
  .refine((a) => !a.review_by || a.review_by > a.agreed, {
    path: ["review_by"],
    message: "expected a review date after the agreed date",
  });

/** content/library.yml: settings of the library as a whole. */
export const LibrarySettingsSchema = z
  .strictObject({
    /** The starter library is illustrative: a real deployment with its own agreed answers sets this to false. */
    illustrative: z.boolean(),
    /** The one quiet Dutch line shown on the home page and on every answer from content/ while illustrative. */
    illustrative_notice: TextSchema.optional(),
  })
  .refine((s) => !s.illustrative || s.illustrative_notice, {
    path: ["illustrative_notice"],
    message: "expected the Dutch sentence to show while the library is illustrative",
  });

/** content/begrippen.yml: the glossary behind /begrippen. */
export const GlossaryFileSchema = z
  .array(
    z.strictObject({
      term: TextSchema,
      /** The anchor on /begrippen; derived from the term when absent. */
      slug: SlugSchema.optional(),
      /** Other spellings and abbreviations a reader may meet. */
      also: z.array(TextSchema).default([]),
      definition: TextSchema,
    }),
  )
  .min(1, "expected at least one term");

/** content/redirects.yml: old dilemma slugs (merged into another dilemma) and where they now live. */
export const RedirectsFileSchema = z.strictObject({
  dilemmas: z.record(SlugSchema, SlugSchema).default({}),
});

export type RegionFrontMatter = z.infer<typeof RegionFrontMatterSchema>;
export type CodeFrontMatter = z.infer<typeof CodeFrontMatterSchema>;
export type DilemmaFrontMatter = z.infer<typeof DilemmaFrontMatterSchema>;
export type AnswerFrontMatter = z.infer<typeof AnswerFrontMatterSchema>;
