import fs from "node:fs";
import path from "node:path";

import { matchPath } from "@remix-run/react";
import { describe, expect, it } from "vitest";

import * as paths from "~/utils/paths";

/** The URL pattern of a Remix flat-routes file name: `$x` a parameter, `[.json]` literal, `_` a pathless suffix. */
function routePattern(file: string): string {
  const name = file.replace(/\.tsx?$/, "");
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const char of name) {
    if (char === "[") escaped = true;
    else if (char === "]") escaped = false;
    else if (char === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += char;
  }
  segments.push(current);
  const parts = segments
    .filter((s) => s !== "_index")
    .map((s) => (s.endsWith("_") ? s.slice(0, -1) : s))
    .map((s) => (s.startsWith("$") ? `:${s.slice(1)}` : s));
  return "/" + parts.join("/");
}

const routeFiles = fs.readdirSync(path.join(__dirname, "../../app/routes")).filter((f) => /\.tsx?$/.test(f));
const patterns = new Map(routeFiles.map((f) => [routePattern(f), f]));

/** The route file that serves a built path, and the params Remix gives it. */
function resolve(built: string) {
  const url = new URL(built, "http://leertuin.test");
  const found = [...patterns]
    .map(([pattern, file]) => ({ file, match: matchPath(pattern, url.pathname) }))
    .filter((m) => m.match !== null)
    // A static segment beats a parameter, as in Remix's ranking.
    .sort((a, b) => (b.file.match(/\./g)?.length ?? 0) - (a.file.match(/\./g)?.length ?? 0))
    .sort((a, b) => (a.file.match(/\$/g)?.length ?? 0) - (b.file.match(/\$/g)?.length ?? 0));
  const first = found[0];
  if (!first?.match) throw new Error(`no route serves ${built}`);
  return { file: first.file, params: first.match.params, search: url.searchParams, hash: url.hash.slice(1) };
}

describe("paths: every built address is served by the route that reads its parts back", () => {
  it("dilemmas, answers and their versions", () => {
    expect(paths.dilemmasPath()).toBe("/dilemmas");
    expect(resolve(paths.dilemmasPath({ thema: "signalen" }))).toMatchObject({ file: "dilemmas._index.tsx" });
    expect(resolve(paths.dilemmasPath({ thema: "signalen" })).search.get("thema")).toBe("signalen");

    expect(paths.dilemmaPath("broertje-afwezig")).toBe("/dilemmas/broertje-afwezig");
    const opened = resolve(paths.dilemmaPath("broertje-afwezig", { regio: "zeeland", hash: "zeeland" }));
    expect(opened).toMatchObject({
      file: "dilemmas.$slug._index.tsx",
      params: { slug: "broertje-afwezig" },
      hash: "zeeland",
    });
    expect(opened.search.get("regio")).toBe("zeeland");
    expect(paths.dilemmaPath("x", { voorgesteld: 1 })).toBe("/dilemmas/x?voorgesteld=1");
    expect(paths.dilemmaAnswerPath("x", "twente")).toBe("/dilemmas/x#twente");
    expect(paths.commentPath("x", 42)).toBe("/dilemmas/x#reactie-42");

    expect(paths.versionPath("x", "zeeland", 3)).toBe("/dilemmas/x/afspraken/zeeland/3");
    expect(resolve(paths.versionPath("x", "zeeland", 3, { gepubliceerd: 1 }))).toMatchObject({
      file: "dilemmas.$slug.afspraken.$regio.$versie.tsx",
      params: { slug: "x", regio: "zeeland", versie: "3" },
    });
    expect(paths.versionPath("x", "zeeland", 3, { gepubliceerd: 1 })).toBe(
      "/dilemmas/x/afspraken/zeeland/3?gepubliceerd=1",
    );
    expect(resolve(paths.adoptPath("x", "zeeland", 3))).toMatchObject({
      file: "dilemmas.$slug.afspraken.$regio.$versie_.overnemen.tsx",
      params: { slug: "x", regio: "zeeland", versie: "3" },
    });
    expect(resolve(paths.editAnswerPath("x", "twente"))).toMatchObject({
      file: "dilemmas.$slug.afspraken.$regio.bewerken.tsx",
      params: { slug: "x", regio: "twente" },
    });
    expect(paths.editAnswerPath("x", "twente", { opgeslagen: 1 })).toBe(
      "/dilemmas/x/afspraken/twente/bewerken?opgeslagen=1",
    );
  });

  it("comparisons keep the regions in the order given, as repeated parameters", () => {
    const dilemma = resolve(paths.compareDilemmaPath("x", ["twente", "zeeland"]));
    expect(dilemma).toMatchObject({ file: "dilemmas.$slug.vergelijk.tsx", params: { slug: "x" } });
    expect(dilemma.search.getAll("regio")).toEqual(["twente", "zeeland"]);
    expect(paths.compareDilemmaPath("x")).toBe("/dilemmas/x/vergelijk");
    expect(paths.compareRegionsPath(["zeeland", "twente"])).toBe("/vergelijk?regio=zeeland&regio=twente");
    expect(resolve(paths.compareRegionsPath()).file).toBe("vergelijk.tsx");
  });

  it("regions: page, agenda, review, spelregels", () => {
    expect(resolve(paths.regionsPath()).file).toBe("regios._index.tsx");
    expect(resolve(paths.regionPath("zeeland"))).toMatchObject({
      file: "regios.$slug._index.tsx",
      params: { slug: "zeeland" },
    });
    expect(paths.regionPath("zeeland", { herziening: 1, hash: "afspraken-titel" })).toBe(
      "/regios/zeeland?herziening=1#afspraken-titel",
    );
    expect(resolve(paths.agendaPath("zeeland"))).toMatchObject({
      file: "regios.$slug.agenda.tsx",
      params: { slug: "zeeland" },
    });
    expect(resolve(paths.reviewPath("zeeland"))).toMatchObject({
      file: "regios.$slug.herziening.tsx",
      params: { slug: "zeeland" },
    });
    expect(resolve(paths.rulebookPath("zeeland"))).toMatchObject({ file: "regios.$slug.spelregels.tsx" });
    expect(paths.rulebookPath("zeeland", { thema: "meldcode" })).toBe("/regios/zeeland/spelregels?thema=meldcode");
  });

  it("codes, editions and articles", () => {
    expect(resolve(paths.codesPath()).file).toBe("beroepscodes._index.tsx");
    expect(resolve(paths.codePath("avg"))).toMatchObject({ file: "beroepscodes.$slug.tsx", params: { slug: "avg" } });
    expect(paths.codePath("avg", { editie: "2018-05-25", anchor: "art-6" })).toBe(
      "/beroepscodes/avg?editie=2018-05-25#art-6",
    );
    // An empty edition is no edition: the page shows the one in force.
    expect(paths.codePath("avg", { editie: "", anchor: "art-6" })).toBe("/beroepscodes/avg#art-6");
    expect(paths.articlePath("avg#art-6-lid-1-sub-e")).toBe("/beroepscodes/avg#art-6-lid-1-sub-e");
    expect(paths.articleChangePath("avg", "art-6")).toBe("/beroepscodes/avg#wijziging-art-6");
    expect(paths.articleChangePath("avg#art-6")).toBe("/beroepscodes/avg#wijziging-art-6");
    expect(resolve(paths.termPath("verwerking"))).toMatchObject({ file: "begrippen.tsx", hash: "verwerking" });
  });

  it("search and the weighing aid encode what people typed", () => {
    const search = resolve(paths.searchPath({ q: "school & wijkteam?", type: "dilemma", regio: undefined }));
    expect(search.file).toBe("zoeken.tsx");
    expect(search.search.get("q")).toBe("school & wijkteam?");
    expect([...search.search.keys()]).toEqual(["q", "type"]);
    expect(paths.searchPath()).toBe("/zoeken");
    expect(paths.weighingPath()).toBe("/afwegen");
    expect(resolve(paths.weighingPath("sector=huisarts&thema=meldcode")).search.getAll("thema")).toEqual(["meldcode"]);
    const suggest = resolve(paths.suggestionsApiPath("jeugd #1"));
    expect(suggest.file).toBe("api.suggesties.ts");
    expect(suggest.search.get("q")).toBe("jeugd #1");
  });

  it("open data and feeds", () => {
    expect(resolve(paths.regionAnswersJsonPath("zeeland"))).toMatchObject({
      file: "api.regios.$slug.afspraken[.json].ts",
      params: { slug: "zeeland" },
    });
    expect(resolve(paths.regionAnswersCsvPath("zeeland")).file).toBe("api.regios.$slug.afspraken[.csv].ts");
    expect(resolve(paths.regionAnswersExcelPath("zeeland")).file).toBe("api.regios.$slug.afspraken-excel[.csv].ts");
    expect(resolve(paths.regionReviewJsonPath("zeeland")).file).toBe("api.regios.$slug.herziening[.json].ts");
    expect(resolve(paths.dilemmaApiPath("x"))).toMatchObject({ file: "api.dilemmas.$slug.ts", params: { slug: "x" } });
    expect(resolve(paths.regionFeedPath("zeeland"))).toMatchObject({
      file: "feeds.regios.$file.ts",
      params: { file: "zeeland.atom" },
    });
    expect(resolve(paths.themeFeedPath("meldcode"))).toMatchObject({
      file: "feeds.themas.$file.ts",
      params: { file: "meldcode.atom" },
    });
    const page = resolve(paths.feedPagePath(paths.regionFeedPath("zeeland")));
    expect(page.file).toBe("feeds._index.tsx");
    expect(page.search.get("feed")).toBe("/feeds/regios/zeeland.atom");
  });

  it("accounts and administration", () => {
    const login = resolve(paths.loginPath({ redirectTo: "/zoeken?q=a&b=c" }));
    expect(login.file).toBe("inloggen.tsx");
    expect(login.search.get("redirectTo")).toBe("/zoeken?q=a&b=c");
    expect(paths.loginPath()).toBe("/inloggen");
    expect(resolve(paths.registeredPath("zeeland")).file).toBe("registreren_.bedankt.tsx");
    expect(paths.registeredPath("zeeland")).toBe("/registreren/bedankt?regio=zeeland");
    expect(resolve(paths.passwordResetPath("abc_-1"))).toMatchObject({
      file: "wachtwoord-herstellen.$token.tsx",
      params: { token: "abc_-1" },
    });
    expect(resolve(paths.unsubscribePath("t.o-k"))).toMatchObject({
      file: "afmelden.$token.tsx",
      params: { token: "t.o-k" },
    });
    const setup = resolve(paths.totpSetupPath({ verplicht: "1", redirectTo: "/beheer" }));
    expect(setup.file).toBe("account.tweestapsverificatie.tsx");
    expect(setup.search.get("redirectTo")).toBe("/beheer");
    expect(paths.readerRegionPath("gewist")).toBe("/mijn-regio?melding=gewist");
    expect(resolve(paths.readerRegionPath()).file).toBe("mijn-regio.tsx");
    expect(resolve(paths.adminRegionPath("zeeland", "opgeslagen"))).toMatchObject({
      file: "beheer.regios.$slug.tsx",
      params: { slug: "zeeland" },
    });
    expect(resolve(paths.adminOrganisationPath("zeeland", 7))).toMatchObject({
      file: "beheer.regios.$slug_.organisaties.$id.tsx",
      params: { slug: "zeeland", id: "7" },
    });
  });

  it("queryString leaves out empty values and repeats arrays", () => {
    expect(paths.queryString({ a: "", b: undefined, c: null })).toBe("");
    expect(paths.queryString({ regio: ["a", "b"], pagina: 2 })).toBe("?regio=a&regio=b&pagina=2");
    expect(paths.queryString(new URLSearchParams("x=1&x=2"))).toBe("?x=1&x=2");
  });

  it("has a test above for every function it exports", () => {
    const source = fs.readFileSync(__filename, "utf8");
    const untested = Object.keys(paths).filter((name) => !source.includes(`paths.${name}(`));
    expect(untested).toEqual([]);
  });
});
