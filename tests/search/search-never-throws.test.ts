import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { search } from "~/search/search.server";
import { MAX_SUGGESTIONS, nearestQuery, nearestTitle, suggest } from "~/search/suggestions.server";
import { useLibrarySearch } from "../support/search-fixture";

const library = useLibrarySearch();

const LUNR_SYNTAX = [":", "~", "^", "*", "+", "-", '"', "'", " ", "\\", "title:", "body:", "~1", "^10"];

describe("search with hostile input", () => {
  it("answers every string, lunr syntax included, without throwing", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc
        .array(fc.oneof(fc.constantFrom(...LUNR_SYNTAX), fc.string({ maxLength: 8 })), { maxLength: 40 })
        .map((parts) => parts.join("")),
      fc
        .array(fc.constantFrom("school", "veilig", "thuis", "vt", "avg", "één", "gedeeld", "radicaliserng"), {
          maxLength: 12,
        })
        .map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 50 }), (query, page) => {
        const response = search(library.index, library.synonyms, { query, page, pageSize: 10 });
        expect(response.total).toBeGreaterThanOrEqual(0);
        expect(response.results.length).toBeLessThanOrEqual(10);
        for (const result of response.results) expect(result.snippet).not.toMatch(/<(?!\/?mark>)/);
        // Suggestions and "Bedoelde u" take the same input.
        expect(suggest(library.index, library.synonyms, query).length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
        const nearer = nearestQuery(library.index, library.synonyms, query);
        if (nearer !== null) expect(typeof nearer).toBe("string");
        nearestTitle(library.index, query);
      }),
      { numRuns: 300 },
    );
  });
});
