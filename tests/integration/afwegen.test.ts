// The afwegingshulp over HTTP: the form, the answer page with and without matching regional answers,
// Dutch errors for bad parameters, the anonymity guard on the purpose, the record as a page and a
// download, and that none of it writes anything to the database.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";

import { encodeForm, mutatedForm } from "../support/fuzz";
import { DEMO, httpClient, regionCookie } from "../support/http";
import { useTestServer } from "../support/test-server";
import { type Answers, formOf, HUISARTS, queryOf, TEACHER } from "../support/weighing";

const server = useTestServer();
const http = httpClient(server);

/** Every table's row count and the whole audit log: what "nothing was written" compares. */
function databaseState() {
  const tables = http
    .sql<{ name: string }>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .map((t) => t.name);
  return {
    counts: Object.fromEntries(tables.map((t) => [t, http.one<{ n: number }>(`select count(*) as n from "${t}"`)!.n])),
    audit: http.sql("select * from audit_log order by id"),
  };
}

/** The afwegingshulp's answer to these answers, as its form posts them. */
const weigh = (answers: Answers, extra: Record<string, string> = {}) =>
  http.post("/afwegen", formOf(answers, { intent: "weigh", ...extra }));

/** The page the afwegingshulp answers with, once its status is the one expected. */
async function weighedPage(status: number, answers: Answers, extra: Record<string, string> = {}) {
  const response = await weigh(answers, extra);
  expect(response.status).toBe(status);
  return http.html(response);
}

let before: ReturnType<typeof databaseState>;
beforeEach(() => {
  before = databaseState();
});

describe("the form", () => {
  it("asks the six questions, with the sector's usual beroepsgeheim pre-selected", async () => {
    const response = await http.get("/afwegen");
    expect(response.status).toBe(200);
    const page = await http.html(response);
    expect(page).toContain("<h1");
    expect(page).toContain("Stap voor stap afwegen");
    for (const label of [
      "In welke sector werkt u?",
      "Heeft u een beroepsgeheim?",
      "Uit welke sector komt de vraag?",
      "Wat wil de vrager weten?",
      "Het doel in één zin",
      "Heeft u toestemming gevraagd om te delen?",
      "Is er acuut gevaar, of een vermoeden van huiselijk geweld of kindermishandeling?",
    ])
      expect(page).toContain(label);
    expect(page).toMatch(/name="beroepsgeheim" checked="" value="gebruikelijk"/);
    expect(page).toContain("geen juridisch advies");
  });

  it("is prefilled by a link from a dilemma page, and says what is usual in that sector", async () => {
    const page = await http.html(await http.get("/afwegen?sector=huisarts&vrager=veilig-thuis&thema=meldcode"));
    expect(page).toMatch(/<select[^>]*id="sector"[\s\S]*?<option value="huisarts" selected/);
    expect(page).toMatch(/<select[^>]*id="vrager"[\s\S]*?<option value="veilig-thuis" selected/);
    expect(page).toContain('type="hidden" name="thema" value="meldcode"');
    expect(page).toContain("Gebruikelijk in de sector huisarts: wel beroepsgeheim.");
  });

  it("answers a bad parameter with the form and a Dutch error, keeping the rest", async () => {
    const response = await http.get("/afwegen?sector=bakkerij&vrager=onderwijs&leeftijd=99");
    expect(response.status).toBe(400);
    const page = await http.html(response);
    expect(page).toContain("Kies de sector waarin u werkt.");
    expect(page).toContain("Kies om wie het gaat.");
    expect(page).toMatch(/<option value="onderwijs" selected/);
  });

  it("refuses an incomplete posted form with Dutch errors per field and keeps what was typed", async () => {
    const page = await weighedPage(400, { ...TEACHER, gegevens: [], leeftijd: "" }, { doel: "kort" });
    expect(page).toContain("Kies ten minste één soort informatie die de vrager wil weten.");
    expect(page).toContain("Kies om wie het gaat.");
    expect(page).toContain("Beschrijf het doel in één zin van ten minste 10 tekens.");
    expect(page).toMatch(/<textarea[^>]*name="doel"[^>]*>kort<\/textarea>/);
    expect(page).toMatch(/name="toestemming" checked="" value="niet-gevraagd"/);
    expect(databaseState()).toEqual(before);
  });

  it("blocks a purpose with personal data, shows the finding, and stores nothing", async () => {
    const doel = "Moeder belt op 06-12345678 en wil dat de school het wijkteam inlicht over haar zoon.";
    const page = await weighedPage(422, { ...TEACHER, doel });
    expect(page).toContain("We hebben niets opgeslagen");
    expect(page).toMatch(/<mark class="finding finding--block">06-12345678/);
    expect(page).toContain(`>${doel}</textarea>`);
    expect(page).not.toContain("Routes die kunnen gelden");
    expect(databaseState()).toEqual(before);
  });

  it("asks to confirm a purpose with a warning, once, and keeps the confirmation into the record", async () => {
    const doel = "Mevrouw Jansen van het wijkteam wil weten of de school zich zorgen maakt over de leerling.";
    const page = await weighedPage(422, { ...TEACHER, doel });
    const confirm = /name="bevestig-doel" value="([0-9a-f]+)"/.exec(page)?.[1];
    expect(confirm).toBeDefined();
    const answer = await weighedPage(200, { ...TEACHER, doel }, { "bevestig-doel": confirm! });
    expect(answer).toContain('type="hidden" name="bevestig-doel" value="' + confirm + '"');
    const recorded = await http.post(
      "/afwegen",
      formOf(
        { ...TEACHER, doel },
        { intent: "record", route: "geen-beroepsgeheim", afspraak: "", "bevestig-doel": confirm! },
      ),
    );
    expect(recorded.status).toBe(200);
    expect(await http.html(recorded)).toContain(`Doel: ${doel}`);
    expect(databaseState()).toEqual(before);
  });

  it("answers an unknown intent with a 404", async () => {
    const response = await http.post("/afwegen", formOf(TEACHER, { intent: "opslaan" }));
    expect(response.status).toBe(404);
  });
});

describe("the answer page", () => {
  it("gives the teacher the school's regional answers, the internal consultation and the meldcode's first steps", async () => {
    const response = await weigh(TEACHER);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const page = await http.html(response);
    const matches = page.slice(
      page.indexOf("Afspraken van regio's die passen"),
      page.indexOf("Routes die kunnen gelden"),
    );
    expect(matches).toContain('href="/dilemmas/onderbuikgevoel-leerkracht-collega"');
    expect(matches).toContain('href="/dilemmas/onderbuikgevoel-leerkracht-collega/afspraken/twente/');
    for (const route of [
      "Overleg binnen de zorgstructuur van de school",
      'href="/beroepscodes/beroepscode-leraren#zorgstructuur"',
      "Toestemming: Toestemming vragen",
      "Meldrecht: Signalen vastleggen en toetsen bij een collega",
      'href="/beroepscodes/meldcode#stap-2"',
    ])
      expect(page).toContain(route);
    expect(page).not.toContain("Conflict van plichten");
    // Consent for a pupil under 12 at a school: the parents (UAVG art. 5).
    expect(page).toContain("De ouders met gezag, omdat de jongere jonger is dan 16.");
    expect(page).toContain('href="/beroepscodes/uavg#artikel-5"');
    // The five questions with the user's own answers, and the need-to-know question made concrete.
    expect(page).toContain(TEACHER.doel);
    expect(page).toContain("Welke van deze gegevens heeft de vrager (onderwijs) nodig voor dit doel?");
    expect(page).toContain("Zorgen over veiligheid: gevraagd. Is dit echt nodig voor het doel?");
    expect(page).toContain("Niet gevraagd, dus niet delen: dat er hulp is, wat voor hulp, gezondheid of diagnose");
    // The purpose never goes into a URL on the page.
    for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).not.toContain("intern begeleider");
    expect(databaseState()).toEqual(before);
  });

  it("gives the huisarts asked by Veilig Thuis the meldrecht, the meldcode and conflict of duties last", async () => {
    const response = await http.get(`/afwegen?${queryOf(HUISARTS)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("private");
    const page = await http.html(response);
    expect(page).toContain('href="/dilemmas/veilig-thuis-vraagt-huisarts-informatie"');
    expect(page).toContain("Veilig Thuis vraagt om informatie");
    expect(page).toContain('href="/beroepscodes/wmo-2015#artikel-5-2-6"');
    // Veilig Thuis already asks: what to give it, not whether to report (no meldcode steps).
    expect(page).not.toContain("De stappen van de meldcode");
    expect(page).toContain("Toestemming vragen kan niet zonder gevaar");
    expect(page.indexOf("Conflict van plichten: Het beroepsgeheim doorbreken")).toBeGreaterThan(
      page.indexOf("Veilig Thuis vraagt om informatie"),
    );
    expect(page).toContain('href="/beroepscodes/knmg-medische-gegevens#paragraaf-1-5-4"');
    expect(page).toContain("Gegevens over gezondheid zijn bijzondere persoonsgegevens");
    // Bookmarked without the purpose: the page says so and asks for it in the record form.
    expect(page).toContain("U heeft het doel nog niet ingevuld.");
    expect(databaseState()).toEqual(before);
  });

  it("says so when no regional answer fits, and still gives the routes", async () => {
    const lonely = { ...HUISARTS, sector: "reclassering", vrager: "schuldhulp", gegevens: ["school"], gevaar: "nee" };
    const page = await http.html(await http.get(`/afwegen?${queryOf(lonely)}`));
    expect(page).toContain(
      "Er is nog geen regionale afspraak over informatie van reclassering voor schuldhulpverlening",
    );
    expect(page).toContain("Delen met een grondslag uit de AVG");
    expect(page).not.toContain("/afspraken/");
  });

  it("puts the reader's own region first: a member's region, or a visitor's mijn-regio cookie", async () => {
    const path = `/afwegen?${queryOf(HUISARTS)}`;
    const regionsOf = (page: string) => {
      const start = page.indexOf('href="/dilemmas/veilig-thuis-vraagt-huisarts-informatie"');
      return [...page.slice(start, page.indexOf("</ul>", start)).matchAll(/Afspraak (\w[\w-]*)/g)].map((m) => m[1]);
    };
    expect(regionsOf(await http.html(await http.get(path)))).toEqual(["Groningen", "Twente"]);
    const twente = await http.html(await http.get(path, await http.logIn(DEMO.otherMember)));
    expect(regionsOf(twente)).toEqual(["Twente", "Groningen"]);
    expect(twente).toContain("Afspraak Twente (uw regio)");
    const cookie = await http.html(await http.get(path, regionCookie("twente")));
    expect(regionsOf(cookie)).toEqual(["Twente", "Groningen"]);
    expect(regionsOf(await http.html(await http.get(path, regionCookie("bestaat-niet"))))).toEqual([
      "Groningen",
      "Twente",
    ]);
  });
});

describe("the record", () => {
  const record = (answers: Answers, extra: Record<string, string>) => http.post("/afwegen", formOf(answers, extra));

  it("is a printable page with the questions, the route chosen, the regional answer consulted and the articles", async () => {
    const version = http.one<{ version: number }>(
      `select v.version from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
       join regions r on r.id = v.region_id where d.slug = 'veilig-thuis-vraagt-huisarts-informatie' and r.slug = 'twente'`,
    )!.version;
    const response = await record(HUISARTS, {
      intent: "record",
      route: "meldrecht",
      afspraak: `veilig-thuis-vraagt-huisarts-informatie/twente/${version}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const page = await http.html(response);
    expect(page).toContain("Afweging: mag ik dit delen?");
    expect(page).toContain("Leertuin heeft niets van deze afweging opgeslagen");
    expect(page).toContain("Meldrecht: Veilig Thuis vraagt om informatie.");
    // The same record as a download, from the page's own form.
    expect(page).toMatch(/<form[^>]*action="\/afwegen\/afweging.md"/);
    expect(page).toContain(`Leertuin Twente, versie ${version}`);
    expect(page).toContain(`Doel: ${HUISARTS.doel}`);
    expect(page).toContain("Wmo 2015, Artikel 5.2.6 — Meldrecht bij Veilig Thuis");
    expect(databaseState()).toEqual(before);
  });

  it("downloads as a Markdown file with the same content and full addresses", async () => {
    const response = await http.post(
      "/afwegen/afweging.md",
      formOf(TEACHER, { route: "geen-beroepsgeheim", afspraak: "" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="afweging-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const text = await response.text();
    expect(text).toMatch(/^# Afweging: mag ik dit delen\?\n/);
    expect(text).toContain(`- Doel: ${TEACHER.doel}`);
    expect(text).toContain("## Gekozen route\n\nGeen beroepsgeheim: Overleg binnen de zorgstructuur van de school;");
    expect(text).toContain("## Geraadpleegde regionale afspraak\n\nGeen.");
    expect(text).toContain("### Noodzaak\n\nWelke van deze gegevens heeft de vrager (onderwijs) nodig voor dit doel?");
    expect(text).toContain(`(${server.url}/beroepscodes/beroepscode-leraren#zorgstructuur)`);
    expect(databaseState()).toEqual(before);
  });

  it("refuses a route that is not in this weighing, or an answer that was not offered, on the answer page", async () => {
    const wrongRoute = await record(TEACHER, { intent: "record", route: "conflict-van-plichten", afspraak: "" });
    expect(wrongRoute.status).toBe(400);
    const page = await http.html(wrongRoute);
    expect(page).toContain("Kies een route die bij deze afweging hoort.");
    expect(page).toContain("Routes die kunnen gelden");
    const wrongAnswer = await record(TEACHER, {
      intent: "record",
      route: "geen-beroepsgeheim",
      afspraak: "bestaat-niet/twente/1",
    });
    expect(wrongAnswer.status).toBe(400);
    expect(await http.html(wrongAnswer)).toContain("Kies een afspraak uit de lijst.");
  });

  it("checks the purpose again before it goes into a record", async () => {
    const doel = "Vader, bereikbaar via vader@example.nl, wil de schoolresultaten van zijn dochter weten.";
    const response = await record(
      { ...TEACHER, doel },
      { intent: "record", route: "geen-beroepsgeheim", afspraak: "" },
    );
    expect(response.status).toBe(422);
    expect(await http.html(response)).toMatch(/<mark class="finding finding--block">vader@example.nl/);
    const download = await http.post(
      "/afwegen/afweging.md",
      formOf({ ...TEACHER, doel }, { route: "geen-beroepsgeheim", afspraak: "" }),
    );
    expect(download.status).toBe(400);
    expect(download.headers.get("content-disposition")).toBeNull();
    expect(await download.text()).toContain("Deze afweging kan niet worden gedownload");
    expect(databaseState()).toEqual(before);
  });
});

describe("hostile input", () => {
  it("never crashes and never writes, whatever the form holds", { timeout: 120_000 }, async () => {
    // Each session has its own posting limit (30 a minute): one per endpoint keeps the runs under it.
    const sessions = {
      "/afwegen": await http.logIn(DEMO.member),
      "/afwegen/afweging.md": await http.logIn(DEMO.admin),
    };
    const after = databaseState();
    const valid = { ...HUISARTS, intent: "record", route: "meldrecht", afspraak: "" };
    for (const [path, cookie] of Object.entries(sessions)) {
      const statuses = new Set<number>();
      await fc.assert(
        fc.asyncProperty(mutatedForm(valid), async ({ form }) => {
          const response = await http.post(path, encodeForm(form), cookie);
          await response.arrayBuffer();
          expect(response.status, JSON.stringify(form).slice(0, 300)).toBeLessThan(500);
          statuses.add(response.status);
        }),
        { numRuns: 25 },
      );
      expect([...statuses].some((s) => s >= 400)).toBe(true);
    }
    expect(databaseState()).toEqual(after);
  });
});

describe("the ways in", () => {
  it("the home page offers step-by-step weighing beside search", async () => {
    const page = await http.html(await http.get("/"));
    expect(page).toMatch(/<a[^>]*href="\/afwegen"[^>]*>Stap voor stap afwegen<\/a>/);
  });

  it("a search without results offers it", async () => {
    const page = await http.html(await http.get("/zoeken?q=qwertyuiopasdf"));
    expect(page).toContain("Geen resultaten");
    expect(page).toMatch(/<a[^>]*href="\/afwegen"[^>]*>Stap voor stap afwegen<\/a>/);
  });

  it("a dilemma page links to it, prefilled from the dilemma's sectors and themes", async () => {
    const page = await http.html(await http.get("/dilemmas/onderbuikgevoel-leerkracht-collega"));
    const href = /<a[^>]*href="(\/afwegen\?[^"]*)"[^>]*>Afwegen voor mijn situatie<\/a>/.exec(page)?.[1];
    expect(href?.replaceAll("&amp;", "&")).toBe(
      "/afwegen?sector=onderwijs&vrager=onderwijs&thema=kindermishandeling&thema=overleg-collega&thema=signalen",
    );
  });
});
