import fs from "node:fs";

import { afterAll, beforeAll } from "vitest";
import YAML from "yaml";

import { buildSynonymIndex, type SynonymIndex } from "~/search/query";
import { buildSearchIndex, type SearchIndex } from "~/search/search-index.server";
import { type Db, openDatabase } from "../../db/client.server";
import { BASE_DB } from "./paths";

/** The search index and synonyms of the real library, built once for a test file. */
export function useLibrarySearch() {
  const fixture = {} as { index: SearchIndex; synonyms: SynonymIndex };
  let db: Db;
  beforeAll(() => {
    db = openDatabase(BASE_DB);
    fixture.index = buildSearchIndex(db);
    fixture.synonyms = buildSynonymIndex(YAML.parse(fs.readFileSync("content/synonyms.yml", "utf8")) as string[][]);
  });
  afterAll(() => db.$client.close());
  return fixture;
}
