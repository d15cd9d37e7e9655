import { describe, expect, it } from "vitest";

import { articleAnchor, parseArticleRef, slugify, splitArticleHeading } from "~/content/anchors";

describe("articleAnchor", () => {
  it.each([
    ["Artikel 8 — Beroepsgeheim", "artikel-8"],
    ["Art. 6 lid 1 sub e", "art-6-lid-1-sub-e"],
    ["Art. 6 lid 1 sub e — Taak van algemeen belang", "art-6-lid-1-sub-e"],
    ["Artikel 7:457 — Geheimhouding", "artikel-7-457"],
    ["Artikel 7.3.11 – Geheimhoudingsplicht", "artikel-7-3-11"],
    ["Stap 2 - Collegiale consultatie", "stap-2"],
    ["Artikel 5: Toestemming", "artikel-5"],
    ["Préambule", "preambule"],
  ])("%s → %s", (heading, anchor) => {
    expect(articleAnchor(heading)).toBe(anchor);
  });

  it("splits a heading into number and title", () => {
    expect(splitArticleHeading("Artikel 7:457 — Geheimhouding")).toEqual({
      number: "Artikel 7:457",
      title: "Geheimhouding",
    });
    expect(splitArticleHeading("Afwegingskader")).toEqual({ number: "Afwegingskader", title: "" });
  });
});

describe("references", () => {
  it("parses <code>#<anchor> and refuses anything else", () => {
    expect(parseArticleRef("avg#art-6-lid-1-sub-e")).toEqual({ codeSlug: "avg", anchor: "art-6-lid-1-sub-e" });
    expect(parseArticleRef("avg")).toBeNull();
    expect(parseArticleRef("avg#Art 6")).toBeNull();
  });

  it("slugifies Dutch text with diacritics", () => {
    expect(slugify("Ouders één en twee — coördinatie")).toBe("ouders-een-en-twee-coordinatie");
  });
});
