// Issue 15, item 5: the situations the library was missing. Each has a dilemma that a region answered, the
// laws they rest on are codes in the library, and their answers keep the consistency rules of the issue.
import { beforeAll, describe, expect, it } from "vitest";

import { type Library, readContent } from "~/content/read-content.server";

/** The list, each with the dilemmas that cover it. */
const TOPICS: Record<string, string[]> = {
  "VOG en screening": ["politie-signaal-medewerker-kinderopvang", "referentie-oud-werkgever-grensoverschrijdend-gedrag"],
  "po-vo-overdracht": ["onderwijskundig-rapport-thuissituatie", "warme-overdracht-ouders-weigeren"],
  "Raad voor de Kinderbescherming (BW 1:240)": ["raad-kinderbescherming-vraagt-huisarts-over-ouder", "raad-kinderbescherming-vraagt-school"],
  "Veilig Thuis vraagt school of kinderopvang": [
    "veilig-thuis-vraagt-kinderopvang-tijdens-onderzoek",
    "veilig-thuis-vraagt-school-ouders-niet-informeren",
  ],
  "gescheiden ouders (BW 1:377c)": ["vader-zonder-gezag-vraagt-huisarts", "ouder-zonder-gezag-vraagt-jeugdhulp-jongere-weigert"],
  "politie en partners in het Zorg- en Veiligheidshuis": ["zvh-politie-deelt-antecedenten-casusoverleg", "officier-vordert-jeugdhulpdossier"],
  "tijdelijk huisverbod": ["huisverbod-school-informeren"],
  "schuldhulp en veiligheid van kinderen": ["schuldhulp-ziet-acute-zorgen-kinderen"],
  "KOPP en kindcheck": ["kindcheck-ggz-behandelaar-jgz"],
  "Wvggz": [
    "wvggz-wijkteam-meldt-meldpunt",
    "wvggz-verkennend-onderzoek-vraagt-huisarts",
    "wvggz-familie-wil-informatie-crisismaatregel",
  ],
  "familie van volwassen ggz-cliënten": ["ggz-behandelaar-suicidegevaar-familie-waarschuwen"],
  "Wmo-consulent vraagt de huisarts": ["wmo-consulent-vraagt-huisarts-specialistenbrieven"],
  "sociale recherche vraagt het wijkteam": ["sociale-recherche-vraagt-wijkteam-samenwonen"],
  "Verwijsindex": ["verwijsindex-melden-ouders-bezwaar"],
  "achttien worden": ["voogdij-eindigt-op-18-overdracht", "ouders-vragen-school-naar-meerderjarige-student"],
  "hulp over de grens": ["belgische-school-vraagt-nederlandse-jeugdhulp", "duitse-jeugdinstantie-vraagt-wijkteam"],
  "inzage en de melder afschermen": ["ouder-vraagt-inzage-veilig-thuis-dossier-melder"],
  "infectieziekten in de kinderopvang": ["kinderopvang-meldt-ggd-ongewoon-veel-zieken"],
};
const GAP_DILEMMAS = new Set(Object.values(TOPICS).flat());

/** The laws the issue asked for, with the articles the answers lean on. */
const NEW_LAWS: Record<string, string[]> = {
  "bw-boek-1": ["artikel-1-240", "artikel-1-377b", "artikel-1-377c"],
  "wet-tijdelijk-huisverbod": ["artikel-1", "artikel-2", "artikel-9"],
  "wetboek-van-strafvordering": ["artikel-126nd", "artikel-126nf", "artikel-218"],
  wvggz: ["artikel-1-1", "hoofdstuk-5", "artikel-5-3", "artikel-7-1"],
  wzd: ["artikel-1", "artikel-2"],
  wpo: ["artikel-42"],
  "wet-publieke-gezondheid": ["artikel-5", "artikel-26"],
  "wet-forensische-zorg": ["artikel-1-1"],
  wjsg: ["artikel-39e", "artikel-39g"],
};

/** A citation is only possible once the text was in force (AVG and UAVG from 25 May 2018, and so on). */
const IN_FORCE_FROM: Record<string, string> = {
  avg: "2018-05-25",
  uavg: "2018-05-25",
  "knmg-medische-gegevens": "2021-05-01",
  "beroepscode-sociaal-werker": "2022-01-01",
  wvggz: "2020-01-01",
  wzd: "2020-01-01",
  "wet-forensische-zorg": "2019-01-01",
};

/** The day this part of the library was written: the review dates are a mix around it. */
const WRITTEN_ON = "2026-12-02";
const HEDGES = /niet (helemaal )?zeker|controleer de bron|niet vastgesteld|artikelnummer onbekend/i;

let library: Library;
let gapAnswers: Library["answers"];
beforeAll(() => {
  library = readContent("content");
  gapAnswers = library.answers.filter((a) => GAP_DILEMMAS.has(a.dilemma));
});

const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

describe("the situations issue 15 found missing", () => {
  it("covers every situation of the issue with at least 25 dilemmas and 40 answers", () => {
    const slugs = new Set(library.dilemmas.map((d) => d.slug));
    const answered = new Set(gapAnswers.map((a) => a.dilemma));
    for (const [topic, dilemmas] of Object.entries(TOPICS)) {
      for (const slug of dilemmas) {
        expect(slugs.has(slug), `${topic}: ${slug} exists`).toBe(true);
        expect(answered.has(slug), `${topic}: ${slug} is answered`).toBe(true);
      }
    }
    expect(GAP_DILEMMAS.size).toBeGreaterThanOrEqual(25);
    expect(gapAnswers.length).toBeGreaterThanOrEqual(40);
  });

  it("lets regions differ and take over each other's answers", () => {
    const byDilemma = new Map<string, Library["answers"]>();
    for (const answer of gapAnswers) byDilemma.set(answer.dilemma, [...(byDilemma.get(answer.dilemma) ?? []), answer]);
    const differing = [...byDilemma.values()].filter((answers) => new Set(answers.map((a) => a.versions.at(-1)!.verdict)).size > 1);
    const adopted = gapAnswers.filter((a) => a.versions.some((v) => v.adoptedFrom));
    expect(differing.length).toBeGreaterThanOrEqual(5);
    expect(adopted.length).toBeGreaterThanOrEqual(10);
  });

  it("has the laws the issue named as codes, with the articles the answers cite and the official source", () => {
    for (const [slug, anchors] of Object.entries(NEW_LAWS)) {
      const code = library.codes.find((c) => c.slug === slug);
      expect(code, slug).toBeDefined();
      expect(code!.kind, slug).toBe("wet");
      expect(code!.sourceUrl, slug).toMatch(/^https:\/\/wetten\.overheid\.nl\/BWBR\d{7}$/);
      expect(code!.articles.map((a) => a.anchor), slug).toEqual(expect.arrayContaining(anchors));
    }
  });

  it("writes no hedges in the public text of these codes, dilemmas and answers", () => {
    const texts = [
      ...library.codes.filter((c) => c.slug in NEW_LAWS).flatMap((c) => [c.introMd, ...c.articles.map((a) => a.bodyMd)]),
      ...library.dilemmas.filter((d) => GAP_DILEMMAS.has(d.slug)).map((d) => d.situationMd),
      ...gapAnswers.flatMap((a) => a.versions.flatMap((v) => [...Object.values(v.sections), ...v.conditions])),
    ];
    expect(texts.filter((t) => HEDGES.test(t))).toEqual([]);
  });

  it("raises and agrees nothing before the region's learning garden started, and cites only texts then in force", () => {
    const since = new Map(library.regions.map((r) => [r.slug, r.since]));
    for (const dilemma of library.dilemmas.filter((d) => GAP_DILEMMAS.has(d.slug))) {
      expect(dilemma.raisedOn >= since.get(dilemma.region)!, `${dilemma.slug} raised after its region started`).toBe(true);
    }
    for (const answer of gapAnswers) {
      for (const version of answer.versions) {
        expect(version.agreedOn >= since.get(answer.region)!, `${version.file} agreed after the region started`).toBe(true);
        expect(version.agreedOn <= WRITTEN_ON, `${version.file} agreed in the past`).toBe(true);
        for (const ref of [...version.grounds, ...version.codes]) {
          const from = IN_FORCE_FROM[ref.split("#")[0]!];
          if (from) expect(version.agreedOn >= from, `${version.file} cites ${ref} before ${from}`).toBe(true);
        }
      }
    }
  });

  it("pairs every AVG art. 9 or art. 10 ground with the exception that allows the sharing", () => {
    for (const version of gapAnswers.flatMap((a) => a.versions)) {
      if (version.grounds.includes("avg#art-9")) {
        expect(version.grounds.some((g) => ["uavg#artikel-22", "uavg#artikel-30", "avg#art-9-lid-2"].includes(g)), version.file).toBe(true);
      }
      if (version.grounds.includes("avg#art-10")) {
        expect(version.grounds.some((g) => ["uavg#artikel-32", "uavg#artikel-33"].includes(g)), version.file).toBe(true);
      }
    }
  });

  it("credits the region's learning garden and the sectors taking part, never one of its organisations", () => {
    for (const answer of gapAnswers) {
      const region = library.regions.find((r) => r.slug === answer.region)!;
      for (const version of answer.versions) {
        expect(version.agreedBy, version.file).toMatch(new RegExp(`^Leertuin ${region.name}: `));
        const named = region.organisations.filter((o) => version.agreedBy.includes(o.name));
        expect(named.map((o) => o.name), version.file).toEqual([]);
      }
    }
  });

  it("sets review dates two to five years after agreement, some already due and some current", () => {
    const current = gapAnswers.map((a) => a.versions.at(-1)!);
    for (const version of current) {
      expect(version.reviewBy, version.file).not.toBeNull();
      expect(version.reviewBy! >= addYears(version.agreedOn, 2), `${version.file} reviewed after two years or more`).toBe(true);
      expect(version.reviewBy! <= addYears(version.agreedOn, 5), `${version.file} reviewed within five years`).toBe(true);
    }
    const due = current.filter((v) => v.reviewBy! < WRITTEN_ON).length;
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(current.length);
  });
});
