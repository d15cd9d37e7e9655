import { z } from "zod";

import { SECTORS, VERDICTS } from "~/domain/vocabulary";

import { MAX_QUERY_LENGTH } from "./query";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const Slug = z.string().regex(/^[a-z0-9-]{1,80}$/);

/** The search parameters of /zoeken and /api/search. A long query is cut, not refused. */
export const SearchParamsSchema = z.object({
  q: z.string().default("").transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
  type: z.preprocess(emptyAsUndefined, z.enum(["dilemma", "answer", "article"]).optional()),
  regio: z.preprocess(emptyAsUndefined, Slug.optional()),
  thema: z.preprocess(emptyAsUndefined, Slug.optional()),
  sector: z.preprocess(emptyAsUndefined, z.enum(SECTORS).optional()),
  oordeel: z.preprocess(emptyAsUndefined, z.enum(VERDICTS).optional()),
  pagina: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).default(1)),
});

export type SearchParams = z.infer<typeof SearchParamsSchema>;

export const SEARCH_TYPE_LABELS = { dilemma: "Dilemma", answer: "Afspraak", article: "Artikel" } as const;

export const SEARCH_PAGE_SIZE = 10;
