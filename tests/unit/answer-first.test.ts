// The pure parts of "answer first": the gist of an Afspraak, verdict and route in one phrase, own region first.
import { describe, expect, it } from "vitest";

import { ROUTE_MEANINGS, ROUTE_SHORT, verdictInContext } from "~/domain/answer-wording";
import { ROUTES, VERDICTS } from "~/domain/vocabulary";
import { answerGist } from "~/models/answer-gist.server";
import { ownRegionFirst } from "~/utils/reader-region.server";

describe("answerGist", () => {
  it("takes the first sentence as plain text", () => {
    expect(answerGist("In **Zeeland** deelt de school niets. Tenzij de ouders het goed vinden.")).toBe(
      "In Zeeland deelt de school niets.",
    );
  });

  it("does not stop at an abbreviation followed by a small letter or a number", () => {
    expect(answerGist("Deel alleen wat art. 5 toestaat, bijv. de aanwezigheid. Verder niets.")).toBe(
      "Deel alleen wat art. 5 toestaat, bijv. de aanwezigheid.",
    );
  });

  it("shortens a very long sentence at a word, with an ellipsis", () => {
    const gist = answerGist(`${"woord ".repeat(100)}einde.`);
    expect(gist.length).toBeLessThanOrEqual(321);
    expect(gist.endsWith("woord…")).toBe(true);
  });

  it("keeps a text without a full stop whole", () => {
    expect(answerGist("- Bel de ouders\n- Vraag toestemming")).toBe("Bel de ouders Vraag toestemming");
  });
});

describe("verdictInContext", () => {
  it("reads a refusal with the consent route as a condition, not a contradiction", () => {
    expect(verdictInContext("niet-delen", "toestemming")).toBe("Niet delen zonder toestemming");
    expect(ROUTE_SHORT.toestemming).toBe("Toestemming nodig");
  });

  it("has a phrase for every verdict and route, and a meaning for every route", () => {
    for (const verdict of VERDICTS)
      for (const route of ROUTES) expect(verdictInContext(verdict, route), `${verdict}/${route}`).toMatch(/^[A-Z]/);
    for (const route of ROUTES) expect(ROUTE_MEANINGS[route]).toMatch(/\.$/);
    expect(verdictInContext("delen-onder-voorwaarden", "meldrecht")).toContain("onder voorwaarden");
  });
});

describe("ownRegionFirst", () => {
  const items = [{ r: "groningen" }, { r: "twente" }, { r: "zeeland" }, { r: "twente" }];
  it("moves the reader's region to the front and keeps the order of the rest", () => {
    expect(ownRegionFirst(items, "twente", (i) => i.r).map((i) => i.r)).toEqual([
      "twente",
      "twente",
      "groningen",
      "zeeland",
    ]);
  });
  it("changes nothing without a region, or for a region not in the list", () => {
    expect(ownRegionFirst(items, null, (i) => i.r)).toEqual(items);
    expect(ownRegionFirst(items, "zuid-limburg", (i) => i.r)).toEqual(items);
  });
});
