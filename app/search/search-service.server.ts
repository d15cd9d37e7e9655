import fs from "node:fs";
import path from "node:path";

import YAML from "yaml";

import { contentRoot } from "~/content/content-root.server";
import { SynonymsFileSchema } from "~/content/schemas";
import { getDb } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";
import { SEARCH_PAGE_SIZE, type SearchParams } from "./params";
import { buildSynonymIndex, type SynonymIndex } from "./query";
import { search, type SearchResponse } from "./search.server";
import { getSearchIndex } from "./search-cache.server";

/** The maintained list content/synonyms.yml, read once per process. */
function synonyms(): SynonymIndex {
  return singleton("synonyms", () => {
    const file = path.join(contentRoot(), "synonyms.yml");
    const groups = fs.existsSync(file) ? SynonymsFileSchema.parse(YAML.parse(fs.readFileSync(file, "utf8"))) : [];
    return buildSynonymIndex(groups);
  });
}

export function searchLibrary(params: SearchParams, ownRegion?: string): SearchResponse {
  return search(getSearchIndex(getDb()), synonyms(), {
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
}
