// "Own region first": a member's region, or the one a visitor chose with "Mijn regio" (a cookie), heads
// every list of several regions; such pages never come from or go into the shared page cache.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

/** Answered by Twente and Zeeland; without a preference Twente comes first (by name). */
const DILEMMA = "/dilemmas/huisarts-van-slachtoffer-en-pleger";

/** The regions in the order the verdict summary lists them, and which one is marked "Uw regio". */
async function summaryOf(response: Response) {
  const html = await http.html(response);
  const summary = /<section class="verdict-summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  const order = [
    ...summary.matchAll(/<li class="verdict-row[^"]*"><div class="verdict-row__head"><a [^>]*href="#([a-z-]+)"/g),
  ].map((m) => m[1]);
  const own = /<li class="verdict-row verdict-row--own"><div class="verdict-row__head"><a [^>]*href="#([a-z-]+)"/.exec(
    summary,
  )?.[1];
  const cards = [...html.matchAll(/<h3 id="afspraak-([a-z-]+)"/g)].map((m) => m[1]);
  return { order, own: own ?? null, cards, html };
}

async function chooseRegion(regio: string, terug = DILEMMA) {
  const response = await http.post("/mijn-regio", { regio, terug });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe(terug);
  return http.cookieOf(response);
}

describe("the dilemma page", () => {
  it("opens with every region's verdict, in a fixed order for a visitor without a choice", async () => {
    const page = await summaryOf(await http.get(DILEMMA));
    expect(page.order).toEqual(["twente", "zeeland"]);
    expect(page.cards).toEqual(["twente", "zeeland"]);
    expect(page.own).toBeNull();
    // The summary comes before the situation and the cards.
    expect(page.html.indexOf("verdict-summary")).toBeLessThan(page.html.indexOf("De situatie"));
  });

  it("puts the region a visitor chose first, marked, in the summary and the cards", async () => {
    const cookie = await chooseRegion("zeeland");
    expect(cookie).toMatch(/^mijn-regio=/);
    const page = await summaryOf(await http.get(DILEMMA, cookie));
    expect(page.order).toEqual(["zeeland", "twente"]);
    expect(page.cards).toEqual(["zeeland", "twente"]);
    expect(page.own).toBe("zeeland");
    expect(page.html).toContain('<span class="own-region-tag">Uw regio</span>');
  });

  it("puts a member's own region first without any choice", async () => {
    const cookie = await http.logIn(DEMO.member);
    const page = await summaryOf(await http.get(DILEMMA, cookie));
    expect(page.order).toEqual(["zeeland", "twente"]);
    expect(page.own).toBe("zeeland");
  });

  it("forgets the choice when the visitor picks no preference", async () => {
    const response = await http.post("/mijn-regio", { regio: "" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/mijn-regio?melding=gewist");
    expect(response.headers.get("set-cookie")).toMatch(/^mijn-regio=;.*Max-Age=0/i);
  });
});

describe("the page cache", () => {
  it("never serves a visitor's region-ordered page to another visitor, nor the shared page to the chooser", async () => {
    // Fill the cache with the shared page, twice, so a second request is a hit.
    const shared = await http.get(DILEMMA);
    const etag = shared.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await summaryOf(await http.get(DILEMMA))).order).toEqual(["twente", "zeeland"]);

    const cookie = await chooseRegion("zeeland");
    const personal = await http.get(DILEMMA, cookie);
    expect(personal.headers.get("cache-control")).toBe("private, no-store");
    expect(personal.headers.get("vary") ?? "").toMatch(/Cookie/i);
    expect(personal.headers.get("etag")).not.toBe(etag);
    expect((await summaryOf(personal)).order).toEqual(["zeeland", "twente"]);

    // The next visitor without a choice still gets the shared order, from the cache.
    const next = await http.get(DILEMMA);
    expect(next.headers.get("etag")).toBe(etag);
    expect((await summaryOf(next)).order).toEqual(["twente", "zeeland"]);
  });

  it("keeps shared pages shareable: a visitor's page says Vary: Cookie", async () => {
    const response = await http.get("/dilemmas");
    expect(response.headers.get("vary") ?? "").toMatch(/Cookie/i);
    expect(response.headers.get("cache-control")).toMatch(/^public/);
  });
});

describe("lists and search", () => {
  it("list the chosen region's verdict first on /dilemmas and mark it", async () => {
    const cookie = await chooseRegion("zeeland", "/dilemmas?sector=huisarts");
    const html = await http.html(await http.get("/dilemmas?regio=twente", cookie));
    const card = html.slice(html.indexOf("huisarts-van-slachtoffer-en-pleger"));
    const meta = card.slice(0, card.indexOf("</li>"));
    expect(meta.indexOf("Zeeland")).toBeGreaterThan(-1);
    expect(meta.indexOf("Zeeland")).toBeLessThan(meta.indexOf("Twente"));
    expect(meta).toContain("Uw regio");
  });

  it("put the chosen region's column first in the /vergelijk matrix and its row first on /regios", async () => {
    const columns = async (cookie?: string) => {
      const html = await http.html(await http.get("/vergelijk", cookie));
      const head = /<table class="utrecht-table compare-matrix">[\s\S]*?<\/thead>/.exec(html)![0];
      return [...head.matchAll(/href="\/regios\/([a-z-]+)"/g)].map((m) => m[1]);
    };
    const shared = await columns();
    expect(shared[0]).not.toBe("zeeland");
    const cookie = await chooseRegion("zeeland", "/vergelijk");
    const personal = await columns(cookie);
    expect(personal[0]).toBe("zeeland");
    expect([...personal].sort()).toEqual([...shared].sort());

    const regions = await http.html(await http.get("/regios", cookie));
    const rows = [...regions.matchAll(/<th scope="row"><a [^>]*href="\/regios\/([a-z-]+)"/g)].map((m) => m[1]);
    expect(rows[0]).toBe("zeeland");
    expect(regions).toContain("Uw regio");
  });

  it("say which way the information goes for every dilemma in a list and in search results", async () => {
    const list = await http.html(await http.get("/dilemmas"));
    const cards = list.split('<li class="card">').slice(1);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards)
      expect(card).toMatch(/Informatie van <strong>[^<]+<\/strong>.*gevraagd door <strong>[^<]+</);

    const results = await http.html(await http.get("/zoeken?q=verzuim&type=dilemma"));
    const resultCards = results.split('<li class="card">').slice(1);
    expect(resultCards.length).toBeGreaterThan(0);
    for (const card of resultCards) expect(card).toContain("Informatie van <strong>");
  });
});

describe("the form", () => {
  it("refuses an unknown region and a way back that leaves the site", async () => {
    expect((await http.post("/mijn-regio", { regio: "atlantis" })).status).toBe(404);
    expect((await http.post("/mijn-regio", { regio: "Zeeland!" })).status).toBe(404);
    expect((await http.post("/mijn-regio", { regio: "zeeland", terug: "//evil.example/" })).status).toBe(404);
    expect((await http.post("/mijn-regio", { regio: "zeeland", terug: "https://evil.example/" })).status).toBe(404);
  });

  it("ignores a cookie that names no region", async () => {
    const page = await summaryOf(await http.get(DILEMMA, "mijn-regio=bm9wZQ%3D%3D"));
    expect(page.order).toEqual(["twente", "zeeland"]);
    expect(page.own).toBeNull();
  });
});
