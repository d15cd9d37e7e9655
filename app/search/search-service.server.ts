import fs from "node:fs";
import path from "node:path";

import YAML from "yaml";

import { contentRoot } from "~/content/content-root.server";
import { SynonymsFileSchema } from "~/content/schemas";
import { getDb } from "~/utils/db.server";
import { searchPath } from "~/utils/paths";
import { singleton } from "~/utils/singleton.server";
import { SEARCH_PAGE_SIZE, type SearchParams } from "./params";
import { buildSynonymIndex, type SynonymIndex } from "./query";
import { search, type SearchResponse } from "./search.server";
import { getSearchIndex } from "./search-cache.server";
import { nearestQuery, nearestTitle, suggest, type Suggestion } from "./suggestions.server";

/** Fewer results than this, or results found only with a typo allowed, earn a "Bedoelde u". */
const FEW_RESULTS = 3;

/** "Bedoelde u": a corrected query (with the page to search it), or the nearest title. */
export type DidYouMean = { kind: "query"; query: string; url: string } | { kind: "title"; title: string; url: string };

export interface LibrarySearch extends SearchResponse {
  didYouMean: DidYouMean | null;
}

/** The maintained list content/synonyms.yml, read once per process. */
function synonyms(): SynonymIndex {
  return singleton("synonyms", () => {
    const file = path.join(contentRoot(), "synonyms.yml");
    const groups = fs.existsSync(file) ? SynonymsFileSchema.parse(YAML.parse(fs.readFileSync(file, "utf8"))) : [];
    return buildSynonymIndex(groups);
  });
}

export function searchLibrary(params: SearchParams, ownRegion?: string): LibrarySearch {
  const index = getSearchIndex(getDb());
  const response = search(index, synonyms(), {
    query: params.q,
    type: params.type,
    region: params.regio,
    theme: params.thema,
    sector: params.sector,
    verdict: params.oordeel,
    page: params.pagina,
    pageSize: SEARCH_PAGE_SIZE,
    ownRegion: ownRegion ?? params.regio,
  });
  const little = response.total < FEW_RESULTS || response.mode === "fuzzy";
  return { ...response, didYouMean: params.q.trim() && little ? didYouMean(params.q, response.total) : null };
}

function didYouMean(query: string, total: number): DidYouMean | null {
  const index = getSearchIndex(getDb());
  const nearer = nearestQuery(index, synonyms(), query);
  if (nearer) {
    const found = search(index, synonyms(), { query: nearer, page: 1, pageSize: 1 }).total;
    if (found > 0 && found >= total) return { kind: "query", query: nearer, url: searchPath({ q: nearer }) };
  }
  if (total > 0) return null;
  const title = nearestTitle(index, query);
  return title && { kind: "title", title: title.title, url: title.url };
}

/** Titles of dilemmas and articles for a query being typed. */
export function suggestTitles(query: string): Suggestion[] {
  return suggest(getSearchIndex(getDb()), synonyms(), query);
}
