import { z } from "zod";

import { SECTORS, VERDICTS } from "~/domain/vocabulary";
import { optionalParam, PageSchema, SlugSchema } from "~/utils/params";
import { MAX_QUERY_LENGTH } from "./query";

/** The search parameters of /zoeken and /api/search. A long query is cut, not refused. */
export const SearchParamsSchema = z.object({
  q: z
    .string()
    .default("")
    .transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
  type: optionalParam(z.enum(["dilemma", "answer", "article"])),
  regio: optionalParam(SlugSchema),
  thema: optionalParam(SlugSchema),
  sector: optionalParam(z.enum(SECTORS)),
  oordeel: optionalParam(z.enum(VERDICTS)),
  pagina: PageSchema,
});

export type SearchParams = z.infer<typeof SearchParamsSchema>;

export const SEARCH_TYPE_LABELS = { dilemma: "Dilemma", answer: "Afspraak", article: "Artikel" } as const;

export const SEARCH_PAGE_SIZE = 10;
