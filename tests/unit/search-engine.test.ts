import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { readContent } from "~/content/read-content.server";
import { findTerms, stem, termsOf } from "~/search/dutch-analysis.server";
import { FacetColumns } from "~/search/facet-columns.server";
import { markdownPlainText } from "~/search/plain-text.server";
import { editNeighbours, foldText } from "~/search/query";
import { intersectAll, unionAll } from "~/search/row-sets";
import { markdownToText } from "~/utils/markdown.server";

const library = readContent("content");
const libraryMarkdown = [
  ...library.dilemmas.map((d) => d.situationMd),
  ...library.answers.flatMap((a) => a.versions.flatMap((v) => Object.values(v.sections))),
  ...library.codes.flatMap((c) => c.articles.map((a) => a.bodyMd)),
];

describe("Dutch analysis", () => {
  it("folds, drops stop words and stems, so inflections meet", () => {
    expect(termsOf("De leerkracht heeft het gedeeld; wij delen, zij deelt.")).toEqual([
      "leerkracht",
      "gedeeld",
      "wij",
      "del",
      "deelt",
    ]);
    expect(termsOf("Één coördinator")).toEqual(["coordinator"]);
    expect(termsOf("scholen")).toEqual(termsOf("school"));
  });

  it("finds the words of a term where they stand in the original text", () => {
    const text = "Één Coördinator belt de coördinatoren.";
    const found = findTerms(text, new Set(termsOf("coordinator")));
    expect(found.map((w) => text.slice(w.start, w.start + w.length))).toEqual(["Coördinator", "coördinatoren"]);
    expect(findTerms(text, new Set(termsOf("coordinator")), 1)).toHaveLength(1);
  });

  it("keeps the first two letters of every word of the library in its stem (highlighting skips other words)", () => {
    const words = new Set(libraryMarkdown.flatMap((md) => foldText(md).split(/[^\p{L}\p{N}]+/u)).filter(Boolean));
    expect(words.size).toBeGreaterThan(3000);
    expect([...words].filter((word) => stem(word).slice(0, 2) !== word.slice(0, 2))).toEqual([]);
  });
});

describe("plain text of markdown", () => {
  const decoded = (text: string) =>
    text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");

  it("has the words of the sanitised rendering, for every text of the library", () => {
    expect(libraryMarkdown.length).toBeGreaterThan(300);
    for (const markdown of libraryMarkdown) expect(markdownPlainText(markdown)).toBe(decoded(markdownToText(markdown)));
  });

  it("leaves out tags, scripts, images and link targets, and decodes entities", () => {
    expect(markdownPlainText("Een **vet** woord\n\nen <b>meer</b> <script>alert(1)</script>")).toBe(
      "Een vet woord en meer",
    );
    expect(markdownPlainText("[de meldcode](https://example.org/x) ![logo](x.png) Ouders &amp; school")).toBe(
      "de meldcode Ouders & school",
    );
    expect(markdownPlainText("| a | b |\n|---|---|\n| c | d |\n\n- een\n- twee")).toBe("a b c d een twee");
  });
});

describe("typo neighbours", () => {
  it("holds every string one edit away, and not the word itself", () => {
    const neighbours = editNeighbours("delen");
    // Left out, added, replaced, swapped.
    for (const typo of ["elen", "dlen", "deln", "deleen", "xdelen", "delem", "dalen", "edlen", "dleen"])
      expect(neighbours.has(typo)).toBe(true);
    expect(neighbours.has("delen")).toBe(false);
    expect(neighbours.has("dl")).toBe(false);
  });
});

describe("row sets", () => {
  const rowSet = (maxLength: number) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength })
      .map((rows) => Int32Array.from(rows.sort((a, b) => a - b)));

  it("intersect and unite like sets do, short sets against long ones too", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(rowSet(8), rowSet(300)), { minLength: 1, maxLength: 6 }), (sets) => {
        const plain = sets.map((s) => new Set(s));
        const all = [...plain[0]!].filter((row) => plain.every((s) => s.has(row)));
        const any = [...new Set(plain.flatMap((s) => [...s]))].sort((a, b) => a - b);
        expect([...intersectAll(sets)]).toEqual(all);
        expect([...unionAll(sets)]).toEqual(any);
      }),
    );
  });
});

describe("facet columns", () => {
  const columns = new FacetColumns();
  columns.set(1, { type: "dilemma", region: "zeeland", themes: ["school", "zorg"], sectors: ["onderwijs"] });
  columns.set(2, {
    type: "answer",
    region: "zeeland",
    verdict: "delen",
    themes: ["school"],
    sectors: ["onderwijs", "gemeente"],
  });
  columns.set(3, { type: "answer", region: "twente", verdict: "niet-delen", themes: [], sectors: ["politie"] });
  columns.set(4, { type: "article", themes: [], sectors: [] });
  const all = Int32Array.of(1, 2, 3, 4);

  it("counts each value over the rows", () => {
    expect(columns.count(all)).toEqual({
      type: { dilemma: 1, answer: 2, article: 1 },
      region: { zeeland: 2, twente: 1 },
      verdict: { delen: 1, "niet-delen": 1 },
      theme: { school: 2, zorg: 1 },
      sector: { onderwijs: 2, gemeente: 1, politie: 1 },
    });
  });

  it("filters on single and multiple values; a value never seen matches nothing", () => {
    expect([...columns.filter(all, { region: "zeeland", sector: "gemeente" })]).toEqual([2]);
    expect([...columns.filter(all, { theme: "school" })]).toEqual([1, 2]);
    expect([...columns.filter(all, { region: "groningen" })]).toEqual([]);
    expect(columns.filter(all, {})).toBe(all);
  });

  it("forgets a deleted row", () => {
    const copy = new FacetColumns();
    copy.set(7, { type: "dilemma", region: "zeeland", themes: ["school"], sectors: [] });
    copy.delete(7);
    expect(copy.isIndexed(7)).toBe(false);
    expect([...copy.filter(Int32Array.of(7), { type: "dilemma" })]).toEqual([]);
  });
});
