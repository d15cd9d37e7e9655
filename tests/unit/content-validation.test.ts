import { describe, expect, it } from "vitest";

import {
  type ContentProblem,
  ContentValidationError,
  readContent,
  readContentWithWarnings,
} from "~/content/read-content.server";
import { copyFixtureContent } from "../support/content-copy";

function problemsOf(root: string): ContentProblem[] {
  try {
    readContent(root);
  } catch (error) {
    if (error instanceof ContentValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe("readContent", () => {
  it("reads the fixture library", () => {
    const library = readContent(copyFixtureContent().root);
    expect(library.regions.map((r) => r.slug)).toEqual(["alpha", "beta"]);
    expect(library.codes.find((c) => c.slug === "wet-een")?.articles.map((a) => a.anchor)).toEqual([
      "art-6-lid-1-sub-e",
      "artikel-7-457",
    ]);
    const alpha = library.answers.find((a) => a.region === "alpha" && a.dilemma === "eerste-dilemma");
    expect(alpha?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(alpha?.versions[1]?.sections.agreement).toBe("Afspraak alpha v2.");
  });

  it.each([
    {
      name: "an unknown verdict",
      file: "answers/alpha/eerste-dilemma.md",
      change: (s: string) => s.replace("verdict: delen-onder-voorwaarden", "verdict: misschien"),
      field: "verdict",
      message: /delen-onder-voorwaarden/,
    },
    {
      name: "a missing weighing section",
      file: "answers/beta/tweede-dilemma.md",
      change: (s: string) => s.replace(/## Noodzaak\n.*\n/, ""),
      field: "## Noodzaak",
      message: /expected this section/,
    },
    {
      name: "a citation that does not resolve",
      file: "answers/beta/tweede-dilemma.md",
      change: (s: string) => s.replace("code-twee#artikel-9", "code-twee#artikel-99"),
      field: "codes",
      message: /code-twee#artikel-99/,
    },
    {
      name: "a citation of an unknown code",
      file: "answers/beta/tweede-dilemma.md",
      change: (s: string) => s.replace("wet-een#art-6-lid-1-sub-e", "wet-drie#art-1"),
      field: "grounds",
      message: /'wet-drie' is not there/,
    },
    {
      name: "an unknown sector",
      file: "dilemmas/tweede-dilemma.md",
      change: (s: string) => s.replace("holder: wijkteam", "holder: bakker"),
      field: "holder",
      message: /gemeente/,
    },
    {
      name: "a theme missing from themes.yml",
      file: "dilemmas/tweede-dilemma.md",
      change: (s: string) => s.replace("themes: [signalen]", "themes: [onbekend-thema]"),
      field: "themes",
      message: /'onbekend-thema'/,
    },
    {
      name: "an unknown origin region",
      file: "dilemmas/tweede-dilemma.md",
      change: (s: string) => s.replace("region: beta", "region: gamma"),
      field: "region",
      message: /'gamma'/,
    },
    {
      name: "an impossible date",
      file: "regions/beta.md",
      change: (s: string) => s.replace("since: 2021-03-01", "since: 2021-02-30"),
      field: "since",
      message: /date/,
    },
    {
      name: "conditions missing for a conditional verdict",
      file: "answers/alpha/eerste-dilemma.md",
      change: (s: string) => s.replace(/conditions: \[.*\]/, "conditions: []"),
      field: "conditions",
      message: /at least one condition/,
    },
    {
      name: "an adoption from a region without an answer",
      file: "answers/beta/tweede-dilemma.md",
      change: (s: string) => s.replace("route: toestemming", "route: toestemming\nadopted_from: alpha"),
      field: "adopted_from",
      message: /'alpha' has none/,
    },
    {
      name: "a version number that does not match the file name",
      file: "answers/alpha/eerste-dilemma.v1.md",
      change: (s: string) => s.replace("version: 1", "version: 3"),
      field: "version",
      message: /expected 1/,
    },
    {
      name: "an unknown front matter field",
      file: "codes/code-twee.md",
      change: (s: string) => s.replace("kind: beroepscode", "kind: beroepscode\nauthor: iemand"),
      field: "(front matter)",
      message: /author/,
    },
    {
      name: "broken YAML",
      file: "regions/alpha.md",
      change: (s: string) => s.replace("name: Alpha", "name: [Alpha"),
      field: "(front matter)",
      message: /valid YAML/,
    },
    {
      name: "a synonym in two groups",
      file: "synonyms.yml",
      change: (s: string) => `${s}- [gdpr, general data protection regulation]\n`,
      field: "1",
      message: /'gdpr' is also in group 1/,
    },
    {
      name: "a phone number in a dilemma's situation",
      file: "dilemmas/tweede-dilemma.md",
      change: (s: string) => `${s}De moeder is bereikbaar op 06-12345678.\n`,
      field: "(body)",
      message: /personal data; phone "06-12345678": Vervang door \[telefoonnummer\]/,
    },
    {
      name: "an e-mail address in an answer's section",
      file: "answers/beta/tweede-dilemma.md",
      change: (s: string) =>
        s.replace("Afspraak beta tweede.", "Afspraak beta tweede. Vragen naar j.devries@school.nl."),
      field: "## Afspraak",
      message: /email "j.devries@school.nl"/,
    },
    {
      name: "a BSN in a condition",
      file: "answers/alpha/eerste-dilemma.md",
      change: (s: string) => s.replace(/conditions: \[(.*)\]/, "conditions: [$1, Alleen voor BSN 123456782]"),
      field: "conditions.2",
      message: /bsn "123456782"/,
    },
    {
      name: "two articles with the same anchor",
      file: "codes/code-twee.md",
      change: (s: string) => `${s}\n## Artikel 9 — Nog een keer\nTekst.\n`,
      field: "## Artikel 9 — Nog een keer",
      message: /unique anchor/,
    },
  ])("names file, field and expectation for $name", ({ file, change, field, message }) => {
    const content = copyFixtureContent();
    content.edit(file, change);
    expect(problemsOf(content.root)).toContainEqual({
      file: `content/${file}`,
      field,
      message: expect.stringMatching(message),
    });
  });

  it("imports a text with a name in it, and reports it as a warning", () => {
    const content = copyFixtureContent();
    content.edit("dilemmas/tweede-dilemma.md", (s) => `${s}Mevrouw Jansen belde de school.\n`);
    const { library, warnings } = readContentWithWarnings(content.root);
    expect(library.dilemmas.find((d) => d.slug === "tweede-dilemma")?.situationMd).toContain("Mevrouw Jansen");
    expect(warnings).toEqual([
      {
        file: "content/dilemmas/tweede-dilemma.md",
        field: "(body)",
        message: expect.stringMatching(/name "Mevrouw Jansen"/),
      },
    ]);
  });

  it("refuses an earlier version without its current version beside it", () => {
    const content = copyFixtureContent();
    content.remove("answers/alpha/eerste-dilemma.md");
    expect(problemsOf(content.root)).toContainEqual({
      file: "content/answers/alpha/eerste-dilemma.md",
      field: "(file)",
      message: expect.stringMatching(/current version/),
    });
  });

  it("lists every problem at once, in a message that names them", () => {
    const content = copyFixtureContent();
    content.edit("dilemmas/tweede-dilemma.md", (s) => s.replace("holder: wijkteam", "holder: bakker"));
    content.edit("regions/beta.md", (s) => s.replace("province: Overijssel", "province: ''"));
    const error = (() => {
      try {
        readContent(content.root);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ContentValidationError);
    expect(error?.message).toMatch(/2 problems; nothing was imported/);
    expect(error?.message).toContain("content/dilemmas/tweede-dilemma.md › holder");
    expect(error?.message).toContain("content/regions/beta.md › province");
  });
});
