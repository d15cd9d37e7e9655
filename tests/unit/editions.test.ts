import path from "node:path";

import { describe, expect, it } from "vitest";

import { readContent } from "~/content/read-content.server";
import { ALWAYS, editionInForce, newerEditions } from "~/editions/edition-in-force";
import { copyFixtureContent } from "../support/content-copy";

const meldcode = [
  { label: "2013", effectiveFrom: "2013-07-01" },
  { label: "2019", effectiveFrom: "2019-01-01" },
];

describe("editionInForce", () => {
  it("picks the newest edition that took effect on or before the date", () => {
    expect(editionInForce(meldcode, "2017-03-01")?.label).toBe("2013");
    expect(editionInForce(meldcode, "2019-01-01")?.label).toBe("2019");
    expect(editionInForce(meldcode, "2024-05-05")?.label).toBe("2019");
  });

  it("finds none before the first edition, and always the undated one", () => {
    expect(editionInForce(meldcode, "2012-12-31")).toBeNull();
    expect(editionInForce([{ label: "x", effectiveFrom: ALWAYS }], "1990-01-01")?.label).toBe("x");
  });

  it("does not depend on the order it is given", () => {
    expect(editionInForce([...meldcode].reverse(), "2020-01-01")?.label).toBe("2019");
    expect(newerEditions([...meldcode].reverse(), "2017-01-01").map((e) => e.label)).toEqual(["2019"]);
    expect(newerEditions(meldcode, "2019-06-01")).toEqual([]);
  });
});

describe("code editions in content", () => {
  it("reads a folder of editions, oldest first, with the union of their anchors as the code's articles", () => {
    const content = copyFixtureContent();
    content.remove("codes/wet-een.md");
    const file = (date: string, body: string) =>
      `---\ntitle: Wet Een\nkind: wet\nissuer: De wetgever\nversion: "${date.slice(0, 4)}"\neffective: ${date}\nsource: https://wetten.overheid.nl/\n---\n${body}`;
    content.write("codes/wet-een/2024-01-01.md", file("2024-01-01", "## Art. 6 lid 1 sub e — Grondslag\nNieuw.\n"));
    content.write(
      "codes/wet-een/2018-01-01.md",
      file("2018-01-01", "## Art. 6 lid 1 sub e — Grondslag\nOud.\n\n## Artikel 7:457 — Geheimhouding\nOud.\n"),
    );
    const code = readContent(content.root).codes.find((c) => c.slug === "wet-een")!;
    expect(code.editions.map((e) => e.effectiveFrom)).toEqual(["2018-01-01", "2024-01-01"]);
    expect(code.version).toBe("2024");
    expect(code.articles.map((a) => [a.anchor, a.bodyMd])).toEqual([
      ["art-6-lid-1-sub-e", "Nieuw."],
      ["artikel-7-457", "Oud."],
    ]);
  });

  it("keeps a single-file code importable as one undated edition", () => {
    const code = readContent(copyFixtureContent().root).codes.find((c) => c.slug === "wet-een")!;
    expect(code.editions).toHaveLength(1);
    expect(code.editions[0]).toMatchObject({ effectiveFrom: ALWAYS, label: "2018" });
  });

  it("refuses an edition whose file name is not its effective date", () => {
    const content = copyFixtureContent();
    content.remove("codes/wet-een.md");
    content.write(
      path.join("codes", "wet-een", "2019-01-01.md"),
      "---\ntitle: Wet Een\nkind: wet\nissuer: X\nversion: 1\neffective: 2018-01-01\nsource: https://wetten.overheid.nl/\n---\n## Art. 6 lid 1 sub e — G\nTekst.\n",
    );
    expect(() => readContent(content.root)).toThrow(/expected the effective date as file name: 2018-01-01\.md/);
  });

  it("refuses a citation of an article the edition in force on the agreed date does not have", () => {
    const content = copyFixtureContent();
    content.remove("codes/wet-een.md");
    const file = (date: string, body: string) =>
      `---\ntitle: Wet Een\nkind: wet\nissuer: X\nversion: "${date.slice(0, 4)}"\neffective: ${date}\nsource: https://wetten.overheid.nl/\n---\n${body}`;
    // The fixture's answers were agreed 2021-2023 and cite art. 6; in 2018 the law had only art. 7:457.
    content.write("codes/wet-een/2018-01-01.md", file("2018-01-01", "## Artikel 7:457 — Geheimhouding\nOud.\n"));
    content.write(
      "codes/wet-een/2024-01-01.md",
      file("2024-01-01", "## Art. 6 lid 1 sub e — Grondslag\nNieuw.\n\n## Artikel 7:457 — Geheimhouding\nOud.\n"),
    );
    expect(() => readContent(content.root)).toThrow(
      /expected 'wet-een#art-6-lid-1-sub-e' in the edition in force on 2022-06-01 \(2018\); it is not there/,
    );
  });
});
