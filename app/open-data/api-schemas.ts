import { z } from "zod";

import { ROUTES, SECTORS, VERDICTS } from "~/domain/vocabulary";

// The shapes of Leertuin's public JSON (README, "Open data"): the open-data functions are typed by
// them and /api/openapi.json is generated from them, so the document cannot drift from the code.

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const IsoDate = z.iso.date();
const Url = z.url();
const SectorSlug = z.enum(SECTORS);

export const CitationSchema = z.object({
  kind: z.string().describe("wet, beroepscode or richtlijn"),
  code: Slug,
  anchor: z.string(),
  title: z.string(),
  url: Url,
});

export const VersionRefSchema = z.object({ region: Slug, version: z.int().min(1) });

export const AnswerVersionSchema = z
  .object({
    version: z.int().min(1),
    verdict: z.enum(VERDICTS),
    route: z.enum(ROUTES),
    agreedOn: IsoDate,
    agreedBy: z.string(),
    reviewBy: IsoDate.nullable(),
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
    url: Url,
  })
  .describe("One published version of a region's answer; texts are markdown.");

export const RegionAnswersSchema = z
  .object({
    schemaVersion: z.literal(1),
    region: z.object({ slug: Slug, name: z.string(), province: z.string(), url: Url }),
    answers: z.array(
      AnswerVersionSchema.extend({
        dilemma: z.object({
          slug: Slug,
          title: z.string(),
          question: z.string(),
          themes: z.array(Slug),
          url: Url,
        }),
      }),
    ),
  })
  .describe("A region's answers in force, one per dilemma.");

export const DilemmaSchema = z
  .object({
    schemaVersion: z.literal(1),
    dilemma: z.object({
      slug: Slug,
      title: z.string(),
      question: z.string(),
      situation: z.string(),
      purpose: z.string().nullable(),
      holderSector: SectorSlug,
      askingSectors: z.array(SectorSlug),
      themes: z.array(Slug),
      originRegion: Slug.nullable(),
      raisedOn: IsoDate,
      url: Url,
    }),
    answers: z.array(
      z.object({
        region: z.object({ slug: Slug, name: z.string() }),
        currentVersion: z.int().min(1),
        versions: z.array(AnswerVersionSchema),
      }),
    ),
  })
  .describe("One answered dilemma with every region's published versions.");

export const SectorRefSchema = z.object({ slug: SectorSlug, label: z.string() });
const Counts = z.record(z.string(), z.int().min(0));

export const SearchResponseSchema = z.object({
  query: z.string(),
  total: z.int().min(0),
  ownRegion: Slug.nullable().describe("The region whose answers ranked first, if any."),
  direction: z.object({
    mentioned: z.array(SectorSlug),
    holder: SectorSlug.optional(),
    asking: SectorSlug.optional(),
  }),
  results: z.array(
    z.object({
      type: z.enum(["dilemma", "answer", "article"]),
      slug: z.string(),
      url: z.string().describe("A path on this site."),
      title: z.string(),
      snippet: z.string().describe("Plain text with the matched words between <mark> and </mark>."),
      score: z.number(),
      region: Slug.optional(),
      verdict: z.enum(VERDICTS).optional(),
      holder: SectorRefSchema.optional(),
      asking: z.array(SectorRefSchema).optional(),
    }),
  ),
  facets: z.object({ type: Counts, region: Counts, theme: Counts, sector: Counts, verdict: Counts }),
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
