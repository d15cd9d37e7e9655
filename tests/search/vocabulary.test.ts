// The practice vocabulary (content/synonyms.yml): valid, large enough, covering the words professionals
// use at work, and every group leads somewhere in the library.
import fs from "node:fs";

import { describe, expect, it } from "vitest";
import YAML from "yaml";

import { SynonymsFileSchema } from "~/content/schemas";
import { queryWords } from "~/search/query";
import { search } from "~/search/search.server";
import { useLibrarySearch } from "../support/search-fixture";

const groups = SynonymsFileSchema.parse(YAML.parse(fs.readFileSync("content/synonyms.yml", "utf8")));
const library = useLibrarySearch();
const fold = (phrase: string) => queryWords(phrase).join(" ");

/** Terms issue #14 names: each must be in some group. */
const PRACTICE_TERMS = [
  "intern begeleider",
  "ib'er",
  "ib",
  "zorgcoördinator",
  "mentor",
  "wijkcoach",
  "buurtteam",
  "wijkteam",
  "sociaal team",
  "cjg",
  "jeugdconsulent",
  "leerplichtambtenaar",
  "lpa",
  "jeugdarts",
  "jgz",
  "consultatiebureau",
  "poh-ggz",
  "jeugdbeschermer",
  "gi",
  "save",
  "reclasseringswerker",
  "woonconsulent",
  "wijkagent",
  "bewindvoerder",
  "pedagogisch medewerker",
  "kinderopvang",
  "kdv",
  "spijbelen",
  "verzuim",
  "thuiszitter",
  "automutilatie",
  "zelfbeschadiging",
  "huiselijk geweld",
  "hg",
  "kindermishandeling",
  "zvh",
  "veilig thuis",
  "vt",
  "raad voor de kinderbescherming",
  "rvdk",
];

describe("the practice vocabulary", () => {
  it("has at least 150 groups, each term in one group only (in its folded form too)", () => {
    expect(groups.length).toBeGreaterThanOrEqual(150);
    const seen = new Map<string, number>();
    groups.forEach((group, i) =>
      group.forEach((phrase) => {
        const folded = fold(phrase);
        expect(folded, `"${phrase}" in group ${i + 1}`).not.toBe("");
        expect(seen.get(folded), `"${phrase}" is in groups ${seen.get(folded)! + 1} and ${i + 1}`).toBeUndefined();
        seen.set(folded, i);
      }),
    );
  });

  it("covers the job titles, situations and institutions professionals use", () => {
    const known = new Set(groups.flat().map(fold));
    expect(PRACTICE_TERMS.filter((term) => !known.has(fold(term)))).toEqual([]);
  });

  it("finds something in the library for every group, by each of its terms", () => {
    const silent: string[] = [];
    for (const group of groups) {
      // Every term, not only the first: a term the query analysis drops would find nothing.
      for (const phrase of group) {
        const { total } = search(library.index, library.synonyms, { query: phrase, page: 1, pageSize: 1 });
        if (total === 0) silent.push(`${phrase} (${group[0]})`);
      }
    }
    expect(silent).toEqual([]);
  });

  it("finds something by the group's own words, not only through another group", () => {
    // The search above expands a term to its group; here each group must occur in the library as written.
    const empty = groups.filter(
      (group) =>
        !group.some(
          (phrase) =>
            search(
              library.index,
              { phrases: new Map(), groups: [], longest: 1 },
              { query: phrase, page: 1, pageSize: 1 },
            ).total > 0,
        ),
    );
    expect(empty.map((group) => group[0])).toEqual([]);
  });
});
