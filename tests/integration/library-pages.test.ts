// Issue 15 over HTTP: the glossary page, the quiet "illustrative" line, merged dilemmas that redirect, and
// the points still to verify, which only the region's own facilitators see.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

// The rendered line (the loader data embedded in the page holds the sentence once more).
const NOTICE = '<p class="quiet-note">Deze startbibliotheek is illustratief';

describe("/begrippen", () => {
  it("explains the jargon, each term with its own anchor, and is linked from every page's footer", async () => {
    const response = await http.get("/begrippen");
    expect(response.status).toBe(200);
    const page = await http.html(response);
    for (const term of ["Kindcheck", "Casusregie", "SAVE", "Verwijsindex", "Zorg- en Veiligheidshuis", "Regisseur"]) {
      expect(page).toContain(`<strong>${term}</strong>`);
    }
    expect(page).toContain('id="kindcheck"');
    const home = await http.html(await http.get("/"));
    expect(home).toMatch(/<footer[\s\S]*href="\/begrippen"/);
  });

  it("is linked from a dilemma's text: the jargon it uses, each term to its anchor", async () => {
    const page = await http.html(await http.get("/dilemmas/een-gezin-een-plan-regie"));
    expect(page).toContain("Begrippen in dit dilemma:");
    expect(page).toContain('href="/begrippen#regisseur"');
  });
});

describe("the starter library says it is illustrative", () => {
  it("in one quiet line on the home page and on every answer of a dilemma page", async () => {
    const home = await http.html(await http.get("/"));
    expect(home.split(NOTICE).length - 1).toBe(1);
    const dilemma = await http.html(await http.get("/dilemmas/een-gezin-een-plan-regie"));
    const answers = dilemma.split('<article class="answer').length - 1;
    expect(answers).toBeGreaterThanOrEqual(2);
    expect(dilemma.split(NOTICE).length - 1).toBe(answers);
  });

  it("on a version page too", async () => {
    const page = await http.html(await http.get("/dilemmas/een-gezin-een-plan-regie/afspraken/zeeland/1"));
    expect(page).toContain(NOTICE);
  });
});

describe("merged dilemmas", () => {
  it.each([
    ["trajectbegeleider-weet-niet-wat-speelt", "een-gezin-een-plan-regie"],
    ["huurachterstand-woningcorporatie-schuldhulp", "dreigende-huisuitzetting-gezin-met-kinderen"],
    ["jeugdreclassering-en-school-verzuim", "terugkeer-na-jeugddetentie-school"],
  ])("/dilemmas/%s answers 301 to the dilemma it was merged into (%s)", async (from, to) => {
    for (const path of [
      `/dilemmas/${from}`,
      `/dilemmas/${from}/afspraken/twente/1`,
      `/dilemmas/${from}/vergelijk?regio=zeeland&regio=twente`,
    ]) {
      const response = await http.get(path);
      expect(response.status, path).toBe(301);
      expect(new URL(response.headers.get("location")!, server.url).pathname, path).toBe(`/dilemmas/${to}`);
    }
    expect((await http.get(`/dilemmas/${to}`)).status).toBe(200);
  });

  it("still answers 404 for a slug that never existed", async () => {
    expect((await http.get("/dilemmas/bestaat-niet-en-bestond-nooit")).status).toBe(404);
  });
});

describe("points not yet verified", () => {
  const dilemma = "/dilemmas/terugkeer-na-jeugddetentie-school";
  const point = "Of artikel 33 UAVG een school een eigen uitzondering geeft";

  it("are shown to a facilitator of the answer's region, on the answer and on the region's review list", async () => {
    const cookie = await http.logIn(DEMO.otherFacilitator); // facilitator of Twente
    const page = await http.html(await http.get(dilemma, cookie));
    expect(page).toContain("Nog te controleren tegen de officiële tekst");
    expect(page).toContain(point);
    const version = await http.html(await http.get(`${dilemma}/afspraken/twente/1`, cookie));
    expect(version).toContain(point);
    const list = await http.html(await http.get("/regios/twente?herziening=1", cookie));
    expect(list).toContain("Nog te controleren");
    const all = await http.html(await http.get("/regios/twente", cookie));
    expect(all).toContain(point);
  });

  it("are not shown to visitors, members, or facilitators of another region", async () => {
    const readers = [undefined, await http.logIn(DEMO.otherMember), await http.logIn(DEMO.facilitator)];
    for (const cookie of readers) {
      const page = await http.html(await http.get(dilemma, cookie));
      expect(page).not.toContain(point);
      expect(page).not.toContain("Nog te controleren");
      const list = await http.html(await http.get("/regios/twente?herziening=1", cookie));
      expect(list).not.toContain("Nog te controleren");
    }
    for (const path of [
      "/api/regios/twente/afspraken.json",
      "/api/regios/twente/afspraken.csv",
      "/feeds/regios/twente.atom",
    ]) {
      const body = await (await http.get(path)).text();
      expect(body.length, path).toBeGreaterThan(0);
      expect(body, path).not.toContain("artikel 33 UAVG een school een eigen uitzondering");
    }
  });
});
