import fs from "node:fs";

import fc from "fast-check";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Db } from "../../db/client.server";
import { buildSynonymIndex, type SynonymIndex } from "~/search/query";
import { buildSearchIndex, type SearchIndex } from "~/search/search-index.server";
import { search } from "~/search/search.server";

import { BASE_DB } from "../support/paths";

let db: Db;
let index: SearchIndex;
let synonyms: SynonymIndex;

beforeAll(() => {
  db = openDatabase(BASE_DB);
  index = buildSearchIndex(db);
  synonyms = buildSynonymIndex(YAML.parse(fs.readFileSync("content/synonyms.yml", "utf8")) as string[][]);
});
afterAll(() => db.$client.close());

const LUNR_SYNTAX = [":", "~", "^", "*", "+", "-", '"', "'", " ", "\\", "title:", "body:", "~1", "^10"];

describe("search with hostile input", () => {
  it("answers every string, lunr syntax included, without throwing", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.array(fc.oneof(fc.constantFrom(...LUNR_SYNTAX), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join("")),
      fc.array(fc.constantFrom("school", "veilig", "thuis", "vt", "avg", "één", "gedeeld", "radicaliserng"), { maxLength: 12 }).map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 50 }), (query, page) => {
        const response = search(index, synonyms, { query, page, pageSize: 10 });
        expect(response.total).toBeGreaterThanOrEqual(0);
        expect(response.results.length).toBeLessThanOrEqual(10);
        for (const result of response.results) expect(result.snippet).not.toMatch(/<(?!\/?mark>)/);
      }),
      { numRuns: 300 },
    );
  });
});
