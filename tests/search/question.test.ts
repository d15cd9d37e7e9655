// How a typed question is read: which sectors it names and which way it asks the information to go.
import fs from "node:fs";

import { describe, expect, it } from "vitest";
import YAML from "yaml";

import { buildSynonymIndex, queryConcepts, queryWords } from "~/search/query";
import { readDirection } from "~/search/question";
import { search } from "~/search/search.server";
import { useLibrarySearch } from "../support/search-fixture";

const synonyms = buildSynonymIndex(YAML.parse(fs.readFileSync("content/synonyms.yml", "utf8")) as string[][]);

function direction(query: string) {
  const words = queryWords(query);
  let start = 0;
  const spans = queryConcepts(words, synonyms).map(([phrase]) => {
    const span = { start, size: phrase!.split(" ").length };
    start += span.size;
    return span;
  });
  return readDirection(words, spans, synonyms.sectors!);
}

describe("the direction of a question", () => {
  it.each([
    ["mag de huisarts aan school vertellen dat moeder depressief is", "huisarts", "onderwijs"],
    ["mag ik de wijkcoach vertellen dat een leerling vaak verzuimt", "onderwijs", "wijkteam"],
    ["VT vraagt huisarts om informatie", "huisarts", "veilig-thuis"],
    ["school vraagt wijkteam hoe het thuis gaat", "wijkteam", "onderwijs"],
    ["wijkagent waarschuwt corporatie voor nieuwe huurder", "politie", "woningcorporatie"],
    ["informatie van de GGZ delen met de jeugdbeschermer", "ggz", "jeugdhulp"],
    ["wil de politie weten of een leerling op school was", "onderwijs", "politie"],
  ])("%s: from %s to %s", (query, holder, asking) => {
    expect(direction(query)).toMatchObject({ holder, asking });
  });

  it("names sectors by the words of practice, without a direction when the query gives none", () => {
    const read = direction("IB'er wijkcoach CJG");
    expect(read.mentioned.sort()).toEqual(["onderwijs", "wijkteam"]);
    expect(read.holder).toBeUndefined();
    expect(read.asking).toBeUndefined();
  });
});

describe("a whole question as a query", () => {
  const library = useLibrarySearch();
  const find = (query: string, pageSize = 10) => search(library.index, library.synonyms, { query, page: 1, pageSize });

  it("does not mark filler and question words in the snippets", () => {
    const { results } = find("mag ik iemand vaak iets vertellen over verzuim");
    expect(results.length).toBeGreaterThan(0);
    const marked = results.flatMap((r) =>
      [...r.snippet.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!.toLowerCase()),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const word of ["mag", "ik", "iemand", "vaak", "iets", "vertellen", "vertelt", "verteld"])
      expect(marked).not.toContain(word);
  });

  it("puts the dilemmas that go the asked way above those that go the other way", () => {
    const { results } = find("mag de huisarts het wijkteam informeren", 20);
    const first = (holder: string, asking: string) =>
      results.findIndex((r) => r.holder?.slug === holder && r.asking?.some((a) => a.slug === asking));
    expect(first("huisarts", "wijkteam")).toBe(0);
    const reversed = first("wijkteam", "huisarts");
    if (reversed >= 0) expect(reversed).toBeGreaterThan(0);
  });

  it("answers the issue's question with what school may share, not with another sector's refusal", () => {
    // "mag ik de wijkcoach vertellen dat een leerling vaak verzuimt": the asker is at school.
    const { results } = find("mag ik de wijkcoach vertellen dat een leerling vaak verzuimt");
    expect(results[0]).toMatchObject({ holder: { slug: "onderwijs" } });
    // No refusal from another situation among the first three: what a hurried reader would apply.
    const top = results.slice(0, 3);
    expect(top.filter((r) => r.verdict === "niet-delen" && r.holder?.slug !== "onderwijs")).toEqual([]);
    expect(top.filter((r) => r.holder?.slug === "onderwijs").length).toBeGreaterThanOrEqual(2);
    expect(top.some((r) => r.holder?.slug === "onderwijs" && r.asking?.some((a) => a.slug === "wijkteam"))).toBe(true);
  });

  it("ranks dilemmas before law articles when the question names the sectors", () => {
    const { results } = find("wat mag ik delen met de wijkcoach");
    expect(results[0]!.type).not.toBe("article");
    expect(results[0]!.asking?.map((a) => a.slug)).toContain("wijkteam");
  });

  it("gives every dilemma and answer result its direction with Dutch labels, and articles none", () => {
    const { results } = find("school", 50);
    for (const r of results) {
      if (r.type === "article") expect(r.holder).toBeUndefined();
      else {
        expect(r.holder?.label).toMatch(/^[A-Z]/);
        expect(r.asking!.length).toBeGreaterThan(0);
      }
    }
    expect(results.find((r) => r.slug === "school-vraagt-wijkteam-naar-thuissituatie")).toMatchObject({
      holder: { slug: "wijkteam", label: "Wijkteam" },
      asking: [{ slug: "onderwijs", label: "Onderwijs" }],
    });
  });
});
