import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  buildSynonymIndex,
  foldText,
  highlight,
  MAX_QUERY_LENGTH,
  queryConcepts,
  queryWords,
  snippetWindow,
} from "~/search/query";

const synonyms = buildSynonymIndex([
  ["avg", "gdpr", "algemene verordening gegevensbescherming"],
  ["vt", "veilig thuis", "amhk"],
  ["beroepsgeheim", "geheimhoudingsplicht", "zwijgplicht"],
  ["leerkracht", "leraar", "docent"],
]);

describe("queryWords", () => {
  it("folds accents and case", () => {
    expect(foldText("Één Coördinatie")).toBe("een coordinatie");
    expect(queryWords("Één coördinator")).toEqual(["een", "coordinator"]);
  });

  it("neutralises lunr's query syntax", () => {
    expect(queryWords('titel:school~2 +delen -niet "veilig thuis"^10 ouder*')).toEqual([
      "titel",
      "school",
      "2",
      "delen",
      "niet",
      "veilig",
      "thuis",
      "10",
      "ouder",
    ]);
    expect(queryWords(":~^*+-\"'")).toEqual([]);
  });

  it("caps very long queries", () => {
    const words = queryWords("school ".repeat(1000));
    expect(words.length).toBeLessThanOrEqual(20);
    expect(queryWords(`${"a".repeat(MAX_QUERY_LENGTH)}zzz`)).toEqual(["a".repeat(MAX_QUERY_LENGTH)]);
  });

  it("never throws on any input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (input) => Array.isArray(queryWords(input))));
  });
});

describe("queryConcepts", () => {
  it("expands abbreviations and synonyms into one concept per meaning", () => {
    expect(queryConcepts(["vt", "melden"], synonyms)).toEqual([["vt", "veilig thuis", "amhk"], ["melden"]]);
    expect(queryConcepts(["gdpr"], synonyms)).toEqual([["gdpr", "avg", "algemene verordening gegevensbescherming"]]);
  });

  it("recognises a phrase of several words before single words", () => {
    expect(queryConcepts(["melding", "veilig", "thuis"], synonyms)).toEqual([
      ["melding"],
      ["veilig thuis", "vt", "amhk"],
    ]);
    expect(queryConcepts(["algemene", "verordening", "gegevensbescherming", "leraar"], synonyms)).toEqual([
      ["algemene verordening gegevensbescherming", "avg", "gdpr"],
      ["leraar", "leerkracht", "docent"],
    ]);
  });
});

describe("highlight and snippets", () => {
  it("escapes HTML and marks the ranges", () => {
    expect(highlight("<b>school</b> & ouders", [[3, 6]])).toBe("&lt;b&gt;<mark>school</mark>&lt;/b&gt; &amp; ouders");
  });

  it("cuts a window around the first match and shifts the ranges", () => {
    const text = `${"woord ".repeat(100)}school ${"woord ".repeat(100)}`;
    const window = snippetWindow(text, [[600, 6]], 120);
    expect(window.text.startsWith("… ")).toBe(true);
    expect(window.text.endsWith(" …")).toBe(true);
    const [start, length] = window.ranges[0]!;
    expect(window.text.slice(start, start + length)).toBe("school");
  });
});
