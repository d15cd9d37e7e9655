import { describe, expect, it } from "vitest";

import type { SearchResponse, SearchResult } from "~/search/search.server";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });

/** /api/search's JSON: the search response without its mode, each result without its region's name. */
type ApiResponse = Omit<SearchResponse, "mode" | "results"> & {
  results: Omit<SearchResult, "regionName">[];
  error?: string;
};

async function api(query: string) {
  const response = await fetch(`${server.url}/api/search?${query}`);
  return { status: response.status, body: (await response.json()) as ApiResponse };
}

const urls = (body: ApiResponse) => body.results.map((r) => r.url);

describe("GET /api/search", () => {
  it("answers with results, facets and counts in the documented shape", async () => {
    const { status, body } = await api("q=school");
    expect(status).toBe(200);
    expect(body.query).toBe("school");
    expect(body.total).toBeGreaterThan(10);
    expect(body.results).toHaveLength(10);
    for (const result of body.results) {
      expect(["dilemma", "answer", "article"]).toContain(result.type);
      expect(result.url).toMatch(/^\/(dilemmas|beroepscodes)\//);
      expect(typeof result.score).toBe("number");
      if (result.type === "answer") expect(result.region && result.verdict).toBeTruthy();
    }
    expect(Object.values(body.facets.type).reduce((a, b) => a + b, 0)).toBe(body.total);
    expect(
      body.results.some((r) => r.snippet.includes("<mark>school</mark>") || r.snippet.includes("<mark>School</mark>")),
    ).toBe(true);
  });

  it("filters by type, region, theme, sector and verdict, with facet counts that add up", async () => {
    const all = (await api("q=school")).body;
    const regio = Object.keys(all.facets.region)[0]!;
    const filtered = (await api(`q=school&regio=${regio}`)).body;
    expect(filtered.total).toBe(all.facets.region[regio]);
    expect(filtered.results.every((r) => r.region === regio)).toBe(true);

    const answers = (await api("q=school&type=answer&oordeel=niet-delen")).body;
    expect(answers.total).toBeGreaterThan(0);
    expect(answers.results.every((r) => r.type === "answer" && r.verdict === "niet-delen")).toBe(true);

    const theme = Object.keys(all.facets.theme)[0]!;
    expect((await api(`q=school&thema=${theme}`)).body.total).toBe(all.facets.theme[theme]);
    const sector = Object.keys(all.facets.sector)[0]!;
    expect((await api(`q=school&sector=${sector}`)).body.total).toBe(all.facets.sector[sector]);
  });

  it("pages through the results", async () => {
    const first = (await api("q=school")).body;
    const second = (await api("q=school&pagina=2")).body;
    expect(second.total).toBe(first.total);
    expect(urls(second).filter((u) => urls(first).includes(u))).toEqual([]);
  });

  it.each([
    ["type=boek", "type"],
    ["oordeel=misschien", "oordeel"],
    ["sector=bakker", "sector"],
    ["pagina=0", "pagina"],
    ["pagina=abc", "pagina"],
    ["regio=Zee%20land", "regio"],
  ])("refuses %s with a 400 and a JSON error", async (query, field) => {
    const { status, body } = await api(`q=school&${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/^Ongeldige zoekparameter/);
    expect(body.error).toContain(field);
  });

  it.each([
    ["lunr syntax", 'q=titel%3Aschool~2%20%2Bdelen%20-niet%20"veilig%20thuis"%5E10%20ouder*'],
    ["only syntax characters", "q=%3A~%5E*%2B-%22"],
    ["an empty query", "q="],
    ["no query at all", ""],
    ["a very long query", `q=${"school%20".repeat(500)}`],
    ["emoji and control characters", "q=%F0%9F%98%80%00%1F%E2%80%8B"],
  ])("answers %s without an error", async (_name, query) => {
    const { status, body } = await api(query);
    expect(status).toBe(200);
    expect(Array.isArray(body.results)).toBe(true);
  });

  it("matches Dutch inflections of the same word", async () => {
    const forms = await Promise.all(
      ["delen", "gedeeld", "deelt"].map(async (w) => new Set(urls((await api(`q=${w}`)).body))),
    );
    const [delen, gedeeld, deelt] = forms;
    expect(delen!.size).toBeGreaterThan(0);
    expect([...gedeeld!].some((u) => delen!.has(u))).toBe(true);
    expect([...deelt!].some((u) => delen!.has(u))).toBe(true);
  });

  it("folds diacritics: één equals een", async () => {
    expect(urls((await api("q=%C3%A9%C3%A9n%20gezin%20%C3%A9%C3%A9n%20plan")).body)[0]).toBe(
      urls((await api("q=een%20gezin%20een%20plan")).body)[0],
    );
  });

  it("expands abbreviations from content/synonyms.yml", async () => {
    const vt = (await api("q=VT")).body;
    expect(vt.total).toBeGreaterThan(0);
    expect(vt.results.some((r) => /Veilig Thuis/i.test(r.title + r.snippet))).toBe(true);
  });

  it("tolerates a typo in a longer word", async () => {
    const exact = urls((await api("q=huurachterstand")).body)[0];
    expect(urls((await api("q=huurachterstnd")).body)).toContain(exact);
  });

  it("ranks the reader's own region first when it is known", async () => {
    const plain = (await api("q=school%20wijkteam&type=answer")).body.results;
    const other = plain.at(-1)!.region!;
    const ranked = (await api(`q=school%20wijkteam&type=answer&regio=${other}`)).body.results;
    expect(ranked[0]!.region).toBe(other);
  });

  it("finds an answer published after the server started, without a restart", async () => {
    const db = server.db().$client;
    const before = (await api("q=kwikstaartoverleg")).body;
    expect(before.total).toBe(0);
    db.transaction(() => {
      const version = db
        .prepare(`select av.id from current_answer_versions cv join answer_versions av on av.id = cv.id limit 1`)
        .get() as { id: number };
      db.prepare(
        "update answer_versions set agreement_md = agreement_md || ' Dit is besproken in het kwikstaartoverleg.' where id = ?",
      ).run(version.id);
      db.prepare(
        "insert into audit_log (action, target_type, target_id, summary) values ('answer.revise', 'answer_version', ?, 'test')",
      ).run(version.id);
    })();
    // A large index is rebuilt beside the running one, so allow the rebuild a moment.
    let total = 0;
    for (let attempt = 0; attempt < 50 && total === 0; attempt++) {
      total = (await api("q=kwikstaartoverleg")).body.total;
      if (total === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(total).toBe(1);
  });
});

describe("/zoeken", () => {
  async function page(query: string) {
    const response = await fetch(`${server.url}/zoeken?${query}`);
    return {
      status: response.status,
      html: (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"'),
    };
  }

  it("shows the count, labelled results with highlights, and facet links that keep the query", async () => {
    const { status, html } = await page("q=beroepsgeheim");
    expect(status).toBe(200);
    expect(html).toMatch(/\d+ resultaten voor "beroepsgeheim"/);
    expect(html).toContain("<mark>");
    expect(html).toMatch(/class="result-type">(Dilemma|Afspraak|Artikel)</);
    expect(html).toMatch(/href="\/zoeken\?q=beroepsgeheim&amp;type=(dilemma|answer|article)"/);
    expect(html).toMatch(/<h1[^>]*>Zoeken<\/h1>/);
  });

  it("says so in Dutch when nothing is found, with suggestions", async () => {
    const { status, html } = await page("q=xyzzyquux");
    expect(status).toBe(200);
    expect(html).toContain('Geen resultaten voor "xyzzyquux"');
    expect(html).toContain("Controleer de spelling");
    expect(html).toContain('href="/dilemmas?thema=');
  });

  it("treats a bad filter as a wrong address", async () => {
    expect((await page("q=school&oordeel=misschien")).status).toBe(404);
  });

  it("escapes what the person typed", async () => {
    const { html } = await page("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(html).not.toContain("<script>alert(1)</script>");
  });
});
