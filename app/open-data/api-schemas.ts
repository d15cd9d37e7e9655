import { z } from "zod";

import { ROUTES, SECTORS, VERDICTS } from "~/domain/vocabulary";
import { SlugSchema } from "~/utils/params";

// The shapes of Leertuin's public JSON (README, "Open data"): the open-data functions are typed by
// them and /api/openapi.json is generated from them, so the document cannot drift from the code.

const IsoDateSchema = z.iso.date();
const UrlSchema = z.url();
const SectorSlugSchema = z.enum(SECTORS);

export const CitationSchema = z.object({
  kind: z.string().describe("wet, beroepscode or richtlijn"),
  code: SlugSchema,
  anchor: z.string(),
  title: z.string(),
  url: UrlSchema,
});

export const VersionRefSchema = z.object({ region: SlugSchema, version: z.int().min(1) });

export const AnswerVersionSchema = z
  .object({
    version: z.int().min(1),
    verdict: z.enum(VERDICTS),
    route: z.enum(ROUTES),
    agreedOn: IsoDateSchema,
    agreedBy: z.string(),
    reviewBy: IsoDateSchema.nullable(),
    publishedAt: z.string().nullable().describe("When this version was published (always set in open data)."),
    adoptedFrom: VersionRefSchema.nullable(),
    adoptedBy: z.array(VersionRefSchema),
    conditions: z.array(z.string()),
    citations: z.array(CitationSchema),
    text: z.object({
      grounding: z.string(),
      purpose: z.string(),
      necessity: z.string(),
      proportionality: z.string(),
      agreement: z.string(),
    }),
    url: UrlSchema,
  })
  .describe("One published version of a region's answer; texts are markdown.");

export const RegionAnswersSchema = z
  .object({
    schemaVersion: z.literal(1),
    region: z.object({ slug: SlugSchema, name: z.string(), province: z.string(), url: UrlSchema }),
    answers: z.array(
      AnswerVersionSchema.extend({
        dilemma: z.object({
          slug: SlugSchema,
          title: z.string(),
          question: z.string(),
          themes: z.array(SlugSchema),
          url: UrlSchema,
        }),
      }),
    ),
  })
  .describe("A region's answers in force, one per dilemma.");

export const DilemmaSchema = z
  .object({
    schemaVersion: z.literal(1),
    dilemma: z.object({
      slug: SlugSchema,
      title: z.string(),
      question: z.string(),
      situation: z.string(),
      purpose: z.string().nullable(),
      holderSector: SectorSlugSchema,
      askingSectors: z.array(SectorSlugSchema),
      themes: z.array(SlugSchema),
      originRegion: SlugSchema.nullable(),
      raisedOn: IsoDateSchema,
      url: UrlSchema,
    }),
    answers: z.array(
      z.object({
        region: z.object({ slug: SlugSchema, name: z.string() }),
        currentVersion: z.int().min(1),
        versions: z.array(AnswerVersionSchema),
      }),
    ),
  })
  .describe("One answered dilemma with every region's published versions.");

export const SectorRefSchema = z.object({ slug: SectorSlugSchema, label: z.string() });
const CountsSchema = z.record(z.string(), z.int().min(0));

export const SearchResponseSchema = z.object({
  query: z.string(),
  total: z.int().min(0),
  ownRegion: SlugSchema.nullable().describe("The region whose answers ranked first, if any."),
  direction: z.object({
    mentioned: z.array(SectorSlugSchema),
    holder: SectorSlugSchema.optional(),
    asking: SectorSlugSchema.optional(),
  }),
  results: z.array(
    z.object({
      type: z.enum(["dilemma", "answer", "article"]),
      slug: z.string(),
      url: z.string().describe("A path on this site."),
      title: z.string(),
      snippet: z.string().describe("Plain text with the matched words between <mark> and </mark>."),
      score: z.number(),
      region: SlugSchema.optional(),
      verdict: z.enum(VERDICTS).optional(),
      holder: SectorRefSchema.optional(),
      asking: z.array(SectorRefSchema).optional(),
    }),
  ),
  facets: z.object({
    type: CountsSchema,
    region: CountsSchema,
    theme: CountsSchema,
    sector: CountsSchema,
    verdict: CountsSchema,
  }),
  didYouMean: z
    .union([
      z.object({ kind: z.literal("query"), query: z.string(), url: z.string() }),
      z.object({ kind: z.literal("title"), title: z.string(), url: z.string() }),
    ])
    .nullable()
    .describe('"Bedoelde u": a corrected query, or the nearest title, when a query finds little.'),
});

export const ErrorSchema = z.object({
  error: z.string().describe("What went wrong, in Dutch."),
  fields: z.array(z.string()).optional(),
});

export type RegionAnswersDocument = z.infer<typeof RegionAnswersSchema>;
export type DilemmaDocument = z.infer<typeof DilemmaSchema>;
