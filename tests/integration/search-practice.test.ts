// Search over HTTP as issue #14 asks: direction in every dilemma and answer result, the reader's own
// region first (member or chosen by a visitor) and never served to another visitor from the page
// cache, suggestions while typing, and "Bedoelde u" when a query finds little.
import { beforeAll, describe, expect, it } from "vitest";

import { DEMO, httpClient, regionCookie } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
let http: ReturnType<typeof httpClient>;
beforeAll(() => {
  http = httpClient(server);
});

interface Result {
  type: string;
  slug: string;
  url: string;
  region?: string;
  holder?: { slug: string; label: string };
  asking?: { slug: string; label: string }[];
}
interface ApiResponse {
  total: number;
  results: Result[];
  ownRegion: string | null;
  didYouMean: { kind: string; query?: string; title?: string; url: string } | null;
  direction: { mentioned: string[]; holder?: string; asking?: string };
}

async function api(query: string, cookie?: string) {
  const response = await http.get(`/api/search?${query}`, cookie);
  return { response, body: (await response.json()) as ApiResponse };
}

/** A query over answers whose first result, for a reader without a region, is not Zeeland's. */
const QUERY = "q=school%20wijkteam&type=answer";

describe("direction in results", () => {
  it("gives every dilemma and answer in /api/search its holder and asking sectors, with Dutch labels", async () => {
    const { body } = await api("q=wijkcoach");
    expect(body.total).toBeGreaterThan(0);
    for (const result of body.results) {
      if (result.type === "article") continue;
      expect(result.holder).toMatchObject({ slug: expect.any(String), label: expect.stringMatching(/^[A-Z]/) });
      expect(result.asking!.length).toBeGreaterThan(0);
    }
    expect(body.direction.mentioned).toContain("wijkteam");
  });

  it("shows which way the information goes on /zoeken", async () => {
    const html = await http.html(await http.get("/zoeken?q=school%20vraagt%20wijkteam%20thuissituatie"));
    expect(html).toMatch(
      /Informatie van <strong>Wijkteam<\/strong><span aria-hidden="true"> → <\/span><span class="visually-hidden">, <\/span>gevraagd door <strong>Onderwijs<\/strong>/,
    );
  });
});

describe("the reader's own region", () => {
  it("ranks a member's region first in the API and on the page", async () => {
    const plain = (await api(QUERY)).body.results;
    expect(plain[0]!.region).not.toBe("zeeland");
    expect(plain.some((r) => r.region === "zeeland")).toBe(true);

    const cookie = await http.logIn(DEMO.member);
    const { response, body } = await api(QUERY, cookie);
    expect(body.results[0]!.region).toBe("zeeland");
    expect(body.ownRegion).toBe("zeeland");
    // Never kept for someone else: no-store for a session (cache-policy.server.ts), private for a chosen region.
    expect(response.headers.get("cache-control")).toMatch(/private|no-store/);

    const html = await http.html(await http.get(`/zoeken?${QUERY}`, cookie));
    expect(html).toContain("Afspraken van Zeeland staan bovenaan.");
    const firstResult = html.slice(html.indexOf('class="card-list"'));
    expect(firstResult.slice(0, firstResult.indexOf("</li>"))).toContain("Zeeland");
  });

  it("ranks the region a visitor chose first, and never serves that page to another visitor", async () => {
    // A visitor without a choice fills the page cache first.
    const before = await api(QUERY);
    expect(before.body.results[0]!.region).not.toBe("zeeland");
    const chosen = await api(QUERY, regionCookie("zeeland"));
    expect(chosen.body.results[0]!.region).toBe("zeeland");
    expect(chosen.body.ownRegion).toBe("zeeland");
    // And the other way round: the chosen page is not kept for the next visitor.
    const after = await api(QUERY);
    expect(after.body.results[0]!.region).toBe(before.body.results[0]!.region);
    expect(after.body.ownRegion).toBeNull();

    const pagePlain = await http.html(await http.get(`/zoeken?${QUERY}&p=1`));
    const pageChosen = await http.html(await http.get(`/zoeken?${QUERY}&p=1`, regionCookie("zeeland")));
    const pageAgain = await http.html(await http.get(`/zoeken?${QUERY}&p=1`));
    expect(pagePlain).not.toContain("Afspraken van Zeeland staan bovenaan.");
    expect(pageChosen).toContain("Afspraken van Zeeland staan bovenaan.");
    expect(pageAgain).not.toContain("Afspraken van Zeeland staan bovenaan.");
  });

  it("ignores a cookie that is not a region slug", async () => {
    for (const value of ["Zee%20land", "..%2F..%2Fetc", "%E0%A4%A", "zeeland%3Bdrop"]) {
      const { response, body } = await api(QUERY, `mijn-regio=${value}`);
      expect(response.status).toBe(200);
      expect(body.ownRegion).toBeNull();
    }
  });
});

describe("suggestions while typing", () => {
  async function suggest(q: string) {
    const response = await http.get(`/api/suggesties?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { suggestions: { type: string; title: string; url: string }[] }).suggestions;
  }

  it("offers titles of dilemmas and articles for a half-typed word", async () => {
    const found = await suggest("huurachter");
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.title.toLowerCase()).toContain("huurachter");
    expect(found[0]!.url).toMatch(/^\/dilemmas\//);
    expect(
      (await suggest("meldcode st")).some((s) => s.type === "article" && s.url.startsWith("/beroepscodes/meldcode#")),
    ).toBe(true);
  });

  it.each([
    ["a very long query", "school%20".repeat(400)],
    ["emoji and control characters", "%F0%9F%98%80%00%1F%E2%80%8B"],
    ["lunr syntax", "titel%3Aschool~2%20%2Bdelen%20-niet%20ouder*"],
    ["no query at all", ""],
  ])("answers %s with 200 and a list", async (_name, q) => {
    const response = await http.get(`/api/suggesties?q=${q}`);
    expect(response.status).toBe(200);
    expect(Array.isArray(((await response.json()) as { suggestions: unknown[] }).suggestions)).toBe(true);
  });

  it("understands the words of practice, and stays quiet for one letter or nonsense", async () => {
    expect((await suggest("wijkcoach")).some((s) => /wijkteam/i.test(s.title))).toBe(true);
    expect(await suggest("s")).toEqual([]);
    expect(await suggest("xyzzyquux")).toEqual([]);
  });
});

describe("Bedoelde u", () => {
  it("suggests the nearest vocabulary term for a misspelled word, and links to its search", async () => {
    const { body } = await api("q=jeugdconsulnt");
    expect(body.didYouMean).toMatchObject({ kind: "query", query: "jeugdconsulent" });
    const html = await http.html(await http.get("/zoeken?q=jeugdconsulnt"));
    expect(html).toMatch(/Bedoelde u <a [^>]*href="\/zoeken\?q=jeugdconsulent"[^>]*>jeugdconsulent<\/a>\?/);
  });

  it("stays away when the query finds enough", async () => {
    expect((await api("q=school")).body.didYouMean).toBeNull();
  });
});
