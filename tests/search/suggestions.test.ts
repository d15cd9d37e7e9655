// Suggestions while typing and "Bedoelde u", on the real library's index.
import { describe, expect, it } from "vitest";

import { loadSearchDocuments } from "~/search/documents.server";
import { auditMark } from "~/search/search-index.server";
import { editDistance, nearestQuery, nearestTitle, suggest } from "~/search/suggestions.server";
import { openDatabase } from "../../db/client.server";
import { BASE_DB } from "../support/paths";
import { useLibrarySearch } from "../support/search-fixture";

const library = useLibrarySearch();
const titles = (query: string) => suggest(library.index, library.synonyms, query).map((s) => s.title);

describe("suggestions", () => {
  it("match the start of every meaningful word typed, the last one half typed", () => {
    const found = titles("mag ik huurachter");
    expect(found.length).toBeGreaterThan(0);
    for (const title of found) expect(title.toLowerCase()).toMatch(/\bhuurachter/);
    expect(titles("veilig thuis hui").every((title) => /veilig thuis/i.test(title) && /\bhui/i.test(title))).toBe(true);
  });

  it("reach titles through the vocabulary, and offer at most eight", () => {
    expect(titles("wijkcoach").some((title) => /wijkteam/i.test(title))).toBe(true);
    expect(titles("VT").some((title) => /veilig thuis/i.test(title))).toBe(true);
    expect(titles("jeugdarts").some((title) => /\bJGZ\b/.test(title))).toBe(true);
    expect(titles("school").length).toBe(8);
  });

  it("put a whole-word match before a word that only starts the same", () => {
    const [first] = suggest(library.index, library.synonyms, "school");
    expect(first!.title.toLowerCase()).toMatch(/\bschool\b/);
  });

  it("follow a change of the documents a moment later, answering from the list in hand meanwhile", async () => {
    const db = openDatabase(BASE_DB);
    const dilemma = db.$client
      .prepare("select id from dilemmas where slug = 'pleegouders-vragen-informatie-ggz-ouder'")
      .pluck()
      .get() as number;
    expect(titles("kwikstaart")).toEqual([]);
    const renamed = loadSearchDocuments(db, [dilemma]).map((doc) => ({
      ...doc,
      title: `Kwikstaartoverleg ${doc.title}`,
    }));
    library.index.replaceDilemmas([dilemma], renamed, auditMark(db));
    expect(titles("kwikstaart")).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(titles("kwikstaart")[0]).toMatch(/^Kwikstaartoverleg/);
    library.index.replaceDilemmas([dilemma], loadSearchDocuments(db, [dilemma]), auditMark(db));
    db.$client.close();
  });
});

describe("Bedoelde u", () => {
  it("measures edits as optimal string alignment, stopping past the limit", () => {
    expect(editDistance("wijkcoach", "wijkcoach", 2)).toBe(0);
    expect(editDistance("wijkcaoch", "wijkcoach", 2)).toBe(1);
    expect(editDistance("thuiszittr", "thuiszitter", 2)).toBe(1);
    expect(editDistance("leerplicht", "wijkteam", 2)).toBe(3);
  });

  it("replaces a misspelled word by the nearest vocabulary term or title word, and leaves known words", () => {
    expect(nearestQuery(library.index, library.synonyms, "jeugdconsulnt")).toBe("jeugdconsulent");
    expect(nearestQuery(library.index, library.synonyms, "wijkcaoch verzuim")).toBe("wijkcoach verzuim");
    expect(nearestQuery(library.index, library.synonyms, "leerplichtambtenar")).toBe("leerplichtambtenaar");
    expect(nearestQuery(library.index, library.synonyms, "school wijkteam")).toBeNull();
    expect(nearestQuery(library.index, library.synonyms, "qqqqqqqq")).toBeNull();
  });

  it("finds the title sharing the most words when no word can be corrected", () => {
    expect(nearestTitle(library.index, "pleegouders vragen informatieverzoek")?.url).toBe(
      "/dilemmas/pleegouders-vragen-informatie-ggz-ouder",
    );
    expect(nearestTitle(library.index, "qqqq zzzz")).toBeNull();
  });
});
