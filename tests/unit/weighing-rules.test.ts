// The afwegingshulp's rules table, row by row: every citation resolves to an article in content/codes,
// every sector and age has its consent rule, and every route rule applies exactly when its conditions hold.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { articleAnchor } from "~/content/anchors";
import { SECTORS } from "~/domain/vocabulary";
import { citedArticles, weigh, type WeighingInput, weighingQuestions } from "~/domain/weighing";
import {
  AGE_BANDS,
  CONSENT_STATES,
  DANGER_LEVELS,
  type InfoCategory,
  SECRECY_ANSWERS,
} from "~/domain/weighing-options";
import {
  CATEGORY_NOTES,
  CONSENT_RULES,
  consentLawFor,
  consentRuleFor,
  ROUTE_ORDER,
  ROUTE_RULES,
  SECTOR_DEFAULTS,
} from "~/domain/weighing-rules";

/**
 * `code#anchor` of every article in force in the curated library, as the importer derives them: a code
 * is one file, or a folder with a file per edition (`<effective date>.md`) of which the newest counts.
 */
function libraryArticles(): Set<string> {
  const dir = path.resolve("content/codes");
  const refs = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const slug = entry.name.replace(/\.md$/, "");
    const file = entry.isDirectory()
      ? path.join(
          dir,
          entry.name,
          fs
            .readdirSync(path.join(dir, entry.name))
            .filter((f) => f.endsWith(".md"))
            .sort()
            .at(-1)!,
        )
      : entry.name.endsWith(".md")
        ? path.join(dir, entry.name)
        : null;
    if (!file) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n"))
      if (line.startsWith("## ")) refs.add(`${slug}#${articleAnchor(line.slice(3))}`);
  }
  return refs;
}

describe("citations", () => {
  const articles = libraryArticles();
  const tables = {
    "sector defaults": Object.entries(SECTOR_DEFAULTS).map(([sector, d]) => [sector, d.citations] as const),
    "consent rules": CONSENT_RULES.map((r) => [`${r.law} ${r.ages.join("/")}`, r.citations] as const),
    "route rules": ROUTE_RULES.map((r) => [r.id, r.citations] as const),
    "category notes": CATEGORY_NOTES.map((n) => [n.category, n.citations] as const),
  };
  for (const [table, rows] of Object.entries(tables))
    it.each(rows)(`${table}: %s cites articles that exist in content/codes`, (_row, citations) => {
      expect(citations.length).toBeGreaterThan(0);
      for (const ref of citations) expect(articles, `${ref} is not an article in content/codes`).toContain(ref);
    });
});

describe("sector defaults", () => {
  it("gives every sector a usual answer with its reason", () => {
    for (const sector of SECTORS) {
      expect(SECTOR_DEFAULTS[sector].why.length).toBeGreaterThan(20);
    }
  });

  it("gives the medical, youth care, youth protection and social work sectors a beroepsgeheim, and the others none", () => {
    const withSecrecy = SECTORS.filter((s) => SECTOR_DEFAULTS[s].secrecy);
    expect(withSecrecy).toEqual([
      "wijkteam",
      "jeugdhulp",
      "zorg",
      "ggz",
      "huisarts",
      "jeugdbescherming",
      "jeugdreclassering",
    ]);
  });
});

describe("who consents", () => {
  it("has exactly one rule for every sector and age band", () => {
    for (const sector of SECTORS)
      for (const age of AGE_BANDS) {
        const law = consentLawFor(sector, age);
        const rows = CONSENT_RULES.filter((r) => r.law === law && r.ages.includes(age));
        expect(rows, `${sector} ${age} (${law})`).toHaveLength(1);
      }
  });

  it("takes the holder's own law: WGBO in health care, Jeugdwet in youth care, Wmo for adults of the wijkteam, AVG at school", () => {
    expect(consentLawFor("huisarts", "12-15")).toBe("wgbo");
    expect(consentLawFor("ggz", "onder-12")).toBe("wgbo");
    expect(consentLawFor("jeugdhulp", "16-17")).toBe("jeugdwet");
    expect(consentLawFor("wijkteam", "12-15")).toBe("jeugdwet");
    expect(consentLawFor("wijkteam", "volwassene")).toBe("wmo");
    expect(consentLawFor("onderwijs", "12-15")).toBe("avg");
    expect(consentLawFor("gemeente", "onder-12")).toBe("avg");
  });

  // One expectation per row of CONSENT_RULES: who decides, and the article that says so.
  const EXPECTED: [law: string, age: string, who: RegExp, cites: string][] = [
    ["wgbo", "onder-12", /^De ouders met gezag/, "wgbo#artikel-7-465"],
    [
      "wgbo",
      "12-15",
      /^De jongere beslist zelf .* niet voor het doorbreken van het beroepsgeheim/,
      "wgbo#artikel-7-465",
    ],
    [
      "wgbo",
      "16-17",
      /^De jongere beslist zelf\. Ouders hebben zonder zijn toestemming geen recht/,
      "wgbo#artikel-7-465",
    ],
    ["wgbo", "18-plus", /^De patiënt zelf/, "wgbo#artikel-7-457"],
    ["jeugdwet", "onder-12", /^De ouders met gezag/, "jeugdwet#artikel-7-3-11"],
    ["jeugdwet", "12-15", /^De jongere én de ouders met gezag/, "jeugdwet#artikel-7-3-11"],
    ["jeugdwet", "16-17", /^De jongere zelf/, "jeugdwet#artikel-7-3-11"],
    ["jeugdwet", "volwassene", /^De ouder of andere volwassene zelf/, "jeugdwet#artikel-7-3-11"],
    ["wmo", "volwassene", /^De cliënt zelf/, "avg#art-7"],
    ["avg", "12-15", /^De ouders met gezag, omdat de jongere jonger is dan 16/, "uavg#artikel-5"],
    ["avg", "16-17", /^De jongere zelf/, "uavg#artikel-5"],
    ["avg", "18-plus", /^De betrokkene zelf/, "avg#art-7"],
  ];
  it.each(EXPECTED)("%s, %s: %s", (law, age, who, cites) => {
    const rule = consentRuleFor(law as never, age as never)!;
    expect(rule.who).toMatch(who);
    expect(rule.citations).toContain(cites);
  });

  it("covers every row of the table with an expectation", () => {
    for (const rule of CONSENT_RULES)
      expect(
        EXPECTED.some(([law, age]) => law === rule.law && (rule.ages as readonly string[]).includes(age)),
        `${rule.law} ${rule.ages.join("/")}`,
      ).toBe(true);
  });
});

const BASE: WeighingInput = {
  sector: "huisarts",
  secrecy: "gebruikelijk",
  asker: "wijkteam",
  categories: ["hulp"],
  age: "volwassene",
  consent: "gegeven",
  danger: "nee",
};
const ids = (input: Partial<WeighingInput>) => weigh({ ...BASE, ...input }).routes.map((r) => r.ruleId);

/** Situations, each with every rule that applies, in the order the page shows them. */
const CASES: [name: string, input: Partial<WeighingInput>, rules: string[]][] = [
  [
    "a teacher tests a gut feeling with a colleague",
    {
      sector: "onderwijs",
      asker: "onderwijs",
      categories: ["veiligheid", "school"],
      age: "onder-12",
      consent: "niet-gevraagd",
    },
    ["toestemming-vragen", "meldcode-signalen", "intern-overleg-school", "geen-beroepsgeheim"],
  ],
  [
    "Veilig Thuis asks a huisarts, asking the parents is unsafe",
    {
      asker: "veilig-thuis",
      categories: ["gezondheid", "veiligheid"],
      consent: "niet-zonder-gevaar",
      danger: "vermoeden",
    },
    ["toestemming-onveilig", "meldrecht-vraag-veilig-thuis", "conflict-van-plichten-zorg"],
  ],
  [
    "a school and the leerplichtambtenaar, consent refused",
    { sector: "onderwijs", asker: "gemeente", categories: ["school"], age: "12-15", consent: "geweigerd" },
    ["toestemming-geweigerd", "leerplicht-verzuim", "geen-beroepsgeheim"],
  ],
  [
    "youth care asked by justice, consent given",
    { sector: "jeugdhulp", asker: "justitie", age: "12-15" },
    ["toestemming-gegeven", "gecertificeerde-instelling"],
  ],
  [
    "youth care asks a colleague, consent not asked",
    { sector: "jeugdhulp", asker: "jeugdhulp", categories: ["soort-hulp"], age: "16-17", consent: "niet-gevraagd" },
    ["toestemming-vragen", "collega-jeugdhulp"],
  ],
  ["a ggz colleague, consent given", { sector: "ggz", asker: "ggz" }, ["toestemming-gegeven", "collega-zorg"]],
  [
    "the police and a housing corporation",
    { sector: "politie", asker: "woningcorporatie", categories: ["strafrecht"], consent: "niet-gevraagd" },
    ["toestemming-vragen", "politiegegevens", "geen-beroepsgeheim"],
  ],
  [
    "a wijkteam with a child in acute danger, consent refused",
    { sector: "wijkteam", asker: "onderwijs", age: "onder-12", consent: "geweigerd", danger: "acuut" },
    ["toestemming-geweigerd", "meldrecht-vermoeden", "conflict-van-plichten-jeugdhulp"],
  ],
  [
    "a ggz therapist suspects violence, asked by the school",
    { sector: "ggz", asker: "onderwijs", age: "12-15", consent: "niet-gevraagd", danger: "vermoeden" },
    ["toestemming-vragen", "meldrecht-vermoeden", "meldcode-stappen"],
  ],
  [
    "a wijkteam with an adult who refuses",
    { sector: "wijkteam", asker: "schuldhulp", categories: ["financieel"], consent: "geweigerd" },
    ["toestemming-geweigerd", "conflict-van-plichten-sociaal-werk"],
  ],
  [
    "a housing corporation in acute danger, nothing asked",
    { sector: "woningcorporatie", asker: "politie", consent: "niet-gevraagd", danger: "acuut" },
    ["toestemming-onveilig", "meldrecht-vermoeden", "geen-beroepsgeheim", "vitaal-belang"],
  ],
  [
    "a school social worker with a beroepsgeheim, asking is unsafe",
    { sector: "onderwijs", secrecy: "ja", asker: "wijkteam", age: "12-15", consent: "niet-zonder-gevaar" },
    ["toestemming-onveilig", "conflict-van-plichten-sociaal-werk"],
  ],
  [
    "a municipality with consent of a young adult",
    { sector: "gemeente", asker: "wijkteam", age: "18-plus" },
    ["toestemming-gegeven", "geen-beroepsgeheim"],
  ],
];

/** Per rule, a situation one step away from where it applies, where it must not. */
const NEAR_MISSES: [rule: string, input: Partial<WeighingInput>][] = [
  ["toestemming-gegeven", { consent: "geweigerd" }],
  ["toestemming-vragen", { consent: "niet-gevraagd", danger: "acuut" }],
  ["toestemming-geweigerd", { consent: "niet-gevraagd" }],
  ["toestemming-onveilig", { consent: "niet-gevraagd", danger: "vermoeden" }],
  ["collega-zorg", { sector: "ggz", asker: "zorg" }],
  ["collega-jeugdhulp", { sector: "jeugdhulp", asker: "wijkteam" }],
  ["leerplicht-verzuim", { sector: "onderwijs", asker: "wijkteam", categories: ["school"] }],
  ["leerplicht-verzuim", { sector: "onderwijs", asker: "gemeente", categories: ["veiligheid"] }],
  ["gecertificeerde-instelling", { sector: "jeugdhulp", asker: "politie" }],
  ["politiegegevens", { sector: "justitie", asker: "woningcorporatie" }],
  ["meldrecht-vermoeden", { danger: "nee" }],
  ["meldrecht-vermoeden", { danger: "vermoeden", asker: "veilig-thuis" }],
  ["meldrecht-vraag-veilig-thuis", { asker: "politie", danger: "vermoeden" }],
  ["meldcode-stappen", { danger: "acuut" }],
  ["meldcode-stappen", { danger: "vermoeden", asker: "veilig-thuis" }],
  ["meldcode-signalen", { danger: "vermoeden", categories: ["veiligheid"] }],
  ["meldcode-signalen", { danger: "nee", categories: ["hulp"] }],
  ["intern-overleg-school", { sector: "onderwijs", asker: "wijkteam" }],
  ["geen-beroepsgeheim", { sector: "onderwijs", secrecy: "ja" }],
  ["vitaal-belang", { sector: "onderwijs", danger: "vermoeden" }],
  ["vitaal-belang", { sector: "huisarts", danger: "acuut" }],
  ["conflict-van-plichten-zorg", { consent: "niet-gevraagd", danger: "vermoeden" }],
  ["conflict-van-plichten-zorg", { sector: "huisarts", secrecy: "nee", consent: "geweigerd" }],
  ["conflict-van-plichten-jeugdhulp", { sector: "jeugdhulp", consent: "gegeven", danger: "vermoeden" }],
  ["conflict-van-plichten-sociaal-werk", { sector: "wijkteam", age: "onder-12", consent: "geweigerd" }],
];

describe("route rules", () => {
  it.each(CASES)("%s", (_name, input, rules) => {
    expect(ids(input)).toEqual(rules);
    // Each route carries its rule's own citations.
    for (const route of weigh({ ...BASE, ...input }).routes)
      expect(route.citations).toEqual(ROUTE_RULES.find((r) => r.id === route.ruleId)!.citations);
  });

  it.each(NEAR_MISSES)("%s does not apply one step away: %j", (rule, input) => {
    expect(ids(input)).not.toContain(rule);
  });

  it("covers every rule of the table with a case where it applies and one where it does not", () => {
    for (const rule of ROUTE_RULES) {
      expect(
        CASES.some(([, , rules]) => rules.includes(rule.id)),
        `${rule.id} applies in no case`,
      ).toBe(true);
      expect(
        NEAR_MISSES.some(([id]) => id === rule.id),
        `${rule.id} has no near miss`,
      ).toBe(true);
    }
  });

  describe("over every combination of sector, beroepsgeheim, asker, age, consent and danger", () => {
    const categorySets: InfoCategory[][] = [["hulp"], ["veiligheid", "school"]];
    const all: WeighingInput[] = [];
    for (const sector of SECTORS)
      for (const secrecy of SECRECY_ANSWERS)
        for (const asker of SECTORS)
          for (const age of AGE_BANDS)
            for (const consent of CONSENT_STATES)
              for (const danger of DANGER_LEVELS)
                for (const categories of categorySets)
                  all.push({ sector, secrecy, asker, age, consent, danger, categories });

    it("addresses consent exactly once, in line with the answer given", () => {
      const consentRule = {
        gegeven: "toestemming-gegeven",
        geweigerd: "toestemming-geweigerd",
        "niet-gevraagd": "toestemming-vragen",
        "niet-zonder-gevaar": "toestemming-onveilig",
      } as const;
      for (const input of all) {
        const found = weigh(input).routes.filter((r) => r.ruleId.startsWith("toestemming-"));
        const expected =
          input.consent === "niet-gevraagd" && input.danger === "acuut"
            ? "toestemming-onveilig"
            : consentRule[input.consent];
        expect(found.map((r) => r.ruleId)).toEqual([expected]);
      }
    });

    it("gives the meldrecht whenever violence is suspected or Veilig Thuis asks, and only then", () => {
      for (const input of all) {
        const meldrecht = weigh(input).routes.some((r) => r.route === "meldrecht" && r.outcome === "kan");
        expect(meldrecht).toBe(input.danger !== "nee" || input.asker === "veilig-thuis");
      }
    });

    it("offers conflict of duties only to a holder of a beroepsgeheim without consent or in acute danger, and last", () => {
      for (const input of all) {
        const weighing = weigh(input);
        const conflict = weighing.routes.filter((r) => r.route === "conflict-van-plichten");
        const expected =
          weighing.secrecy && (["geweigerd", "niet-zonder-gevaar"].includes(input.consent) || input.danger === "acuut");
        expect(conflict.length, JSON.stringify(input)).toBe(expected ? 1 : 0);
        if (expected) expect(weighing.routes.at(-1)!.route).toBe("conflict-van-plichten");
      }
    });

    it("shows the routes in the fixed order, and the route without beroepsgeheim only to those without one", () => {
      for (const input of all) {
        const weighing = weigh(input);
        const order = weighing.routes.map((r) => ROUTE_ORDER.indexOf(r.route));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(weighing.routes.some((r) => r.ruleId === "geen-beroepsgeheim")).toBe(!weighing.secrecy);
      }
    });
  });
});

describe("the five questions", () => {
  it("fill in the purpose and make the need-to-know question concrete", () => {
    const input: WeighingInput = { ...BASE, asker: "onderwijs", categories: ["gezondheid", "school"] };
    const questions = weighingQuestions(input, weigh(input), "De school wil de leerling passend begeleiden.");
    expect(questions.map((q) => q.heading)).toEqual([
      "Grondslag",
      "Doel",
      "Noodzaak",
      "Proportionaliteit",
      "Subsidiariteit",
    ]);
    expect(questions[1]!.answers).toEqual(["De school wil de leerling passend begeleiden."]);
    expect(questions[2]!.question).toBe("Welke van deze gegevens heeft de vrager (onderwijs) nodig voor dit doel?");
    expect(questions[2]!.answers).toEqual([
      "Gezondheid of diagnose: gevraagd. Is dit echt nodig voor het doel?",
      "Schoolresultaten en verzuim: gevraagd. Is dit echt nodig voor het doel?",
      "Niet gevraagd, dus niet delen: dat er hulp is, wat voor hulp, zorgen over veiligheid, strafrechtelijke zaken, financiële situatie.",
    ]);
    expect(questions[0]!.answers).toEqual(["Delen met toestemming."]);
  });

  it("cites every article once, and adds the notes for health and criminal data", () => {
    const weighing = weigh({ ...BASE, categories: ["gezondheid", "strafrecht"] });
    const refs = citedArticles(weighing);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toEqual(expect.arrayContaining(["avg#art-9", "avg#art-10", "wgbo#artikel-7-457"]));
  });
});
