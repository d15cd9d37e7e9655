// Issue 15: a library a lawyer would sign. What must hold for every file in content/: no hedges in public
// text, honest dates, every special-category ground with its exception, generic attributions, one vocabulary,
// review dates from the region's cycle, merged dilemmas that redirect.
import { beforeAll, describe, expect, it } from "vitest";

import { type Library, readContent } from "~/content/read-content.server";
import { SECTORS } from "~/domain/vocabulary";

let library: Library;
beforeAll(() => {
  library = readContent("content");
});

/** Everything a visitor can read: region texts, code summaries, dilemmas, answers, the glossary, the notice. */
function publicTexts(): { where: string; text: string }[] {
  return [
    ...library.regions.map((r) => ({ where: `regions/${r.slug}`, text: [r.name, r.descriptionMd, ...r.organisations.map((o) => o.name)].join("\n") })),
    ...library.codes.flatMap((c) => [
      { where: `codes/${c.slug}`, text: [c.title, c.issuer, c.introMd].join("\n") },
      ...c.articles.map((a) => ({ where: `codes/${c.slug}#${a.anchor}`, text: `${a.heading}\n${a.bodyMd}` })),
    ]),
    ...library.dilemmas.map((d) => ({ where: `dilemmas/${d.slug}`, text: [d.title, d.question, d.purpose, d.situationMd].join("\n") })),
    ...library.answers.flatMap((a) =>
      a.versions.map((v) => ({ where: v.file, text: [...Object.values(v.sections), ...v.conditions, v.agreedBy].join("\n") })),
    ),
    ...library.glossary.map((g) => ({ where: `begrippen.yml#${g.slug}`, text: [g.term, ...g.also, g.definitionMd].join("\n") })),
    { where: "library.yml", text: library.settings.illustrativeNotice ?? "" },
  ];
}

/** Phrases that tell a reader "nobody checked this": they belong in an answer's unverified list, never in the text. */
const HEDGES = [
  /artikelnummer[^.]{0,40}niet (helemaal )?zeker/i,
  /\bcontroleer (de|het|bij)\b[^.]{0,40}\b(bron|formulering|indeling)/i,
  /\bcontroleer de bron\b/i,
  /\b(is|zijn) (hier |in de leertuin )?niet (eenduidig )?(vastgesteld|nagegaan)\b/i,
  /\bniet (helemaal )?zeker\b[^.]{0,30}\b(bron|artikel|lid|nummer|onderdeel)/i,
  /\b(is|zijn) niet (helemaal )?zeker\b/i,
  /nummering: controleer/i,
  /\bniet geverifieerd\b/i,
];

const dateOf = (iso: string) => iso.slice(0, 10);

describe("the library has no hedges in its public text", () => {
  it("finds the hedge phrases it looks for (the patterns can fail)", () => {
    const samples = [
      "Dit artikelnummer is niet helemaal zeker; controleer de bron.",
      "Waar dit staat, is in de leertuin niet eenduidig vastgesteld.",
      "De precieze verdeling over de leden is niet zeker.",
    ];
    for (const sample of samples) expect(HEDGES.some((h) => h.test(sample)), sample).toBe(true);
    expect(HEDGES.some((h) => h.test("De teamleider weet ook niet zeker of de mannen echt van de politie zijn."))).toBe(false);
  });

  it("says nowhere that an article, number or summary was not checked", () => {
    const found = publicTexts().flatMap(({ where, text }) =>
      HEDGES.flatMap((h) => {
        const match = h.exec(text);
        return match ? [`${where}: "${match[0]}"`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it("keeps what is not verified in a structured list with a point and, where there is one, a resolvable article", () => {
    const points = library.answers.flatMap((a) => a.versions.flatMap((v) => v.unverified.map((u) => ({ file: v.file, ...u }))));
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p.point.length, p.file).toBeGreaterThan(20);
  });
});

describe("honest dates", () => {
  it("raises no dilemma and agrees no answer before its region's learning garden started", () => {
    const since = new Map(library.regions.map((r) => [r.slug, r.since]));
    const early = [
      ...library.dilemmas.filter((d) => d.raisedOn < since.get(d.region)!).map((d) => `dilemmas/${d.slug} raised ${d.raisedOn}`),
      ...library.answers.flatMap((a) =>
        a.versions.filter((v) => v.agreedOn < since.get(a.region)!).map((v) => `${v.file} agreed ${v.agreedOn} (since ${since.get(a.region)})`),
      ),
    ];
    expect(early).toEqual([]);
  });

  it("cites a text only when it was in force on the agreed date", () => {
    // The AVG and UAVG apply from 25 May 2018; the KNMG guideline is of April 2021; the BPSW code applies from 2022.
    const inForceFrom: Record<string, string> = {
      avg: "2018-05-25",
      uavg: "2018-05-25",
      "knmg-medische-gegevens": "2021-05-01",
      "beroepscode-sociaal-werker": "2022-01-01",
    };
    const anachronisms = library.answers.flatMap((a) =>
      a.versions.flatMap((v) =>
        [...v.grounds, ...v.codes]
          .filter((ref) => {
            const from = inForceFrom[ref.split("#")[0]!];
            return from !== undefined && dateOf(v.agreedOn) < from;
          })
          .map((ref) => `${v.file} (${v.agreedOn}) cites ${ref}`),
      ),
    );
    expect(anachronisms).toEqual([]);
  });

  it("sets every review date from the agreed date and the region's review cycle", () => {
    const years = new Map(library.regions.map((r) => [r.slug, r.reviewYears]));
    for (const region of library.regions) expect(region.reviewYears, `${region.slug} has a review cycle`).not.toBeNull();
    for (const answer of library.answers) {
      for (const v of answer.versions) {
        const expected = `${Number(v.agreedOn.slice(0, 4)) + years.get(answer.region)!}${v.agreedOn.slice(4)}`;
        expect(v.reviewBy, v.file).toBe(expected.endsWith("02-29") ? expected.replace("02-29", "02-28") : expected);
      }
    }
  });

  it("shows a realistic mix of current answers and answers due for review", () => {
    // A fixed day, so the test does not drift with the calendar: the library as it was written (December 2026).
    const day = "2026-12-01";
    const current = library.answers.map((a) => a.versions.at(-1)!);
    const due = current.filter((v) => v.reviewBy !== null && v.reviewBy < day).length;
    expect(due / current.length).toBeGreaterThanOrEqual(0.2);
    expect(due / current.length).toBeLessThanOrEqual(0.6);
  });
});

describe("the law as cited", () => {
  const SPECIAL_CATEGORY_EXCEPTIONS = [
    "avg#art-9-lid-2",
    "uavg#artikel-22",
    "uavg#artikel-30",
    "jeugdwet#artikel-7-4-0",
    "wmo-2015#artikel-5-1-1",
  ];
  const CRIMINAL_DATA_EXCEPTIONS = ["uavg#artikel-32", "uavg#artikel-33", "jeugdwet#artikel-7-4-0"];

  it("cites with every ground of art. 9 AVG (the prohibition) the exception that allows the sharing", () => {
    const bare = library.answers.flatMap((a) =>
      a.versions
        .filter((v) => v.grounds.includes("avg#art-9") && !v.grounds.some((g) => SPECIAL_CATEGORY_EXCEPTIONS.includes(g)))
        .map((v) => v.file),
    );
    expect(bare).toEqual([]);
  });

  it("cites with every ground of art. 10 AVG (criminal data) the UAVG exception", () => {
    const bare = library.answers.flatMap((a) =>
      a.versions
        .filter((v) => v.grounds.includes("avg#art-10") && !v.grounds.some((g) => CRIMINAL_DATA_EXCEPTIONS.includes(g)))
        .map((v) => v.file),
    );
    expect(bare).toEqual([]);
  });

  it("names the exception in the answer's own words, not only in its citations", () => {
    for (const answer of library.answers) {
      for (const v of answer.versions.filter((v) => v.grounds.includes("avg#art-9"))) {
        expect(v.sections.grounding, v.file).toMatch(/artikel 9 lid 2|artikel 30[^.]*UAVG|artikel 22 UAVG|7\.4\.0|5\.1\.1/);
      }
    }
  });

  it("states the WGBO rule for 12 to 16 years: the young person decides on disclosure alone", () => {
    const wgbo = library.codes.find((c) => c.slug === "wgbo")!;
    const text = wgbo.articles.map((a) => a.bodyMd).join("\n");
    expect(text).toMatch(/Over het delen van zijn gegevens beslist een jongere van 12 tot 16 jaar zelf/);
    expect(text).not.toMatch(/voor het doorbreken van het geheim ook de ouders/);
  });

  it("has the kindcheck in the meldcode and the ondertoezichtstelling binding every professional in Jeugdwet 7.3.11", () => {
    const meldcode = library.codes.find((c) => c.slug === "meldcode")!;
    expect(meldcode.articles.map((a) => a.anchor)).toContain("kindcheck");
    const art = library.codes.find((c) => c.slug === "jeugdwet")!.articles.find((a) => a.anchor === "artikel-7-3-11")!;
    expect(art.bodyMd).toMatch(/iedere professional[^.]*ondertoezichtstelling/);
  });
});

describe("attributions", () => {
  // Real organisations the starter library once credited, and patterns of a named real body.
  const DENY = [
    /Veilig Thuis (Groningen|Zeeland|Twente|Zuid-Limburg|Midden-Brabant|Noord-Holland)/,
    /RIEC [A-Z]/,
    /Veiligheidsregio [A-Z]/,
    /Stichting [A-Z]/,
    /Politie(eenheid| eenheid) [A-Z]/,
    /GGD [A-Z]/,
    /Reclassering Nederland/,
    /\b(Lentis|Elker|Jarabee|Mediant|Tactus|Juvent|Emergis|Xonar|Mondriaan|Parlan|Novadic|Breburg|Lefier|Nijestee|Domijn|Welbions|Woonwaard|Intermaris|Servatius|Weller|ZOwonen|Orionis|Plangroep|Leergeld)\b/,
    /Kredietbank [A-Z]/,
    /convenant (tegen|van de regio|in de regio)/,
  ];

  it("finds the names it denies (the deny-list can fail)", () => {
    for (const sample of ["Leertuin Twente: Veilig Thuis Twente, gemeenten", "RIEC Limburg", "Stichting Leergeld", "Mediant"]) {
      expect(DENY.some((d) => d.test(sample)), sample).toBe(true);
    }
    expect(DENY.some((d) => d.test("Leertuin Twente: ggz, Veilig Thuis, politie en gemeenten"))).toBe(false);
  });

  it("credits every answer to its region's learning garden and the sectors taking part, never a real organisation", () => {
    const names = new Map(library.regions.map((r) => [r.slug, r.name]));
    for (const answer of library.answers) {
      for (const v of answer.versions) {
        expect(v.agreedBy, v.file).toMatch(new RegExp(`^Leertuin ${names.get(answer.region)}: \\S`));
        for (const d of DENY) expect(v.agreedBy, v.file).not.toMatch(d);
      }
    }
  });

  it("names no real organisation anywhere in the public text except the municipalities of a region", () => {
    const found = publicTexts().flatMap(({ where, text }) =>
      DENY.flatMap((d) => {
        const match = d.exec(text);
        return match ? [`${where}: "${match[0]}"`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it("says, while the starter library is illustrative, so in one Dutch sentence", () => {
    expect(library.settings.illustrative).toBe(true);
    expect(library.settings.illustrativeNotice).toMatch(/illustratief/);
  });
});

describe("one vocabulary", () => {
  it("uses only sectors of the vocabulary, including kinderopvang, jeugdbescherming and jeugdreclassering", () => {
    const used = new Set<string>([
      ...library.dilemmas.flatMap((d) => [d.holder, ...d.asking]),
      ...library.regions.flatMap((r) => r.organisations.map((o) => o.sector)),
    ]);
    expect([...used].filter((s) => !(SECTORS as readonly string[]).includes(s))).toEqual([]);
    for (const sector of ["kinderopvang", "jeugdbescherming", "jeugdreclassering"] as const) expect(used.has(sector), sector).toBe(true);
  });

  it("labels youth probation as jeugdreclassering and the GI as jeugdbescherming, never as justitie, reclassering or jeugdhulp", () => {
    for (const d of library.dilemmas) {
      const text = `${d.title} ${d.question} ${d.situationMd}`;
      const sectors = [d.holder, ...d.asking];
      if (/jeugdreclasseerder|jeugdreclassering/.test(text) && /jeugdreclass/.test(d.question)) {
        expect(sectors, d.slug).toContain("jeugdreclassering");
      }
      if (/jeugdbeschermer/.test(d.question)) expect(sectors, d.slug).toContain("jeugdbescherming");
    }
  });

  it("writes one spelling of each region name and of ggz", () => {
    const texts = publicTexts();
    expect(texts.filter((t) => /Noord-Holland-Noord/.test(t.text)).map((t) => t.where)).toEqual([]);
    expect(texts.filter((t) => /\bGG[Zz]\b/.test(t.text)).map((t) => t.where)).toEqual([]);
  });

  it("explains the jargon of the library on /begrippen", () => {
    const terms = library.glossary.flatMap((g) => [g.term, ...g.also].map((t) => t.toLowerCase()));
    for (const term of ["regisseur", "casusregie", "save", "zvh", "verwijsindex", "meldcode", "kindcheck", "ondertoezichtstelling", "gecertificeerde instelling"]) {
      expect(terms, term).toContain(term);
    }
  });
});

describe("verdicts that say what happens", () => {
  it("does not call an answer niet-delen when it shares through another channel or shares a summary", () => {
    // The answers that refuse a channel (e-mail, an app group) or send a short summary instead of a file.
    const shareOtherwise = [
      "groningen/appgroep-professionals-rond-gezin",
      "twente/beveiligd-mailen-verschillende-systemen",
      "midden-brabant/meer-delen-dan-doel-vraagt",
      "zeeland/meer-delen-dan-doel-vraagt",
      "zuid-limburg/politie-zorgmelding-minderjarige-wijkteam",
      "zeeland/schoolverzuim-leerplicht-en-jeugdhulp",
    ];
    for (const key of shareOtherwise) {
      const answer = library.answers.find((a) => `${a.region}/${a.dilemma}` === key)!;
      const current = answer.versions.at(-1)!;
      expect(current.verdict, key).toBe("delen-onder-voorwaarden");
      expect(current.conditions.length, key).toBeGreaterThan(0);
    }
  });
});

describe("merged near-duplicates", () => {
  it("redirects every merged slug to a dilemma that exists, and keeps no file under the old slug", () => {
    const slugs = new Set(library.dilemmas.map((d) => d.slug));
    expect(Object.keys(library.redirects).length).toBeGreaterThanOrEqual(3);
    for (const [from, to] of Object.entries(library.redirects)) {
      expect(slugs.has(from), from).toBe(false);
      expect(slugs.has(to), to).toBe(true);
      expect(library.answers.filter((a) => a.dilemma === from)).toEqual([]);
    }
  });
});
