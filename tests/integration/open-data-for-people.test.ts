// Open data for people: a spreadsheet download that Dutch Excel opens as columns, and a page that
// explains a feed to whoever clicks its link.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { EXCEL_CSV_COLUMNS } from "~/open-data/excel-csv.server";
import { httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

describe("the Excel download of a region's answers", () => {
  it("is semicolon-separated UTF-8 with a byte-order mark, Dutch headers, labels and dates, one row per answer", async () => {
    const response = await http.get("/api/regios/zeeland/afspraken-excel.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="afspraken-zeeland-excel.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(EXCEL_CSV_COLUMNS.join(";"));

    const rows = parse(text, { columns: true, delimiter: ";" }) as Record<string, string>[];
    const inForce = http.sql<{ title: string; verdict: string; agreed_on: string }>(
      `select d.title, v.verdict, v.agreed_on from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
       join regions r on r.id = v.region_id where r.slug = 'zeeland'`,
    );
    expect(rows).toHaveLength(inForce.length);
    const labels = { delen: "Delen", "delen-onder-voorwaarden": "Delen onder voorwaarden", "niet-delen": "Niet delen" };
    for (const answer of inForce) {
      const row = rows.find((r) => r.Dilemma === answer.title);
      expect(row, answer.title).toBeDefined();
      expect(row!.Oordeel).toBe(labels[answer.verdict as keyof typeof labels]);
      const [y, m, d] = answer.agreed_on.split("-");
      expect(row!["Afgesproken op"]).toBe(`${d}-${m}-${y}`);
      expect(row!.Afspraak).not.toMatch(/^#|\*\*/);
      expect(row!.Link).toMatch(/^http:\/\/[a-z0-9.]+:\d+\/dilemmas\/[a-z0-9-]+\/afspraken\/zeeland\/\d+$/);
    }
  });

  it("is offered on the region's page next to the machine CSV", async () => {
    const html = await http.html(await http.get("/regios/zeeland"));
    expect(html).toContain('href="/api/regios/zeeland/afspraken-excel.csv">Download alle afspraken voor Excel</a>');
    expect(html).toContain('href="/api/regios/zeeland/afspraken.csv"');
  });

  it("answers an unknown region with 404", async () => {
    expect((await http.get("/api/regios/atlantis/afspraken-excel.csv")).status).toBe(404);
  });
});

describe("the feed page", () => {
  it("explains a feed and gives the address to copy; the region page links to it", async () => {
    const region = await http.html(await http.get("/regios/zeeland"));
    expect(region).toContain('href="/feeds?feed=/feeds/regios/zeeland.atom"');
    const html = await http.html(await http.get("/feeds?feed=/feeds/regios/zeeland.atom"));
    expect(html).toContain("Wat is een feed?");
    expect(html).toContain(`<code>${server.url}/feeds/regios/zeeland.atom</code>`);
    // The address it shows is the real feed.
    const feed = await http.get("/feeds/regios/zeeland.atom");
    expect(feed.status).toBe(200);
  });

  it("refuses any other address: no link to elsewhere can be made with it", async () => {
    for (const feed of ["https://evil.example/x.atom", "//evil.example/feeds/regios/x.atom", "/feeds/regios/../x.atom"])
      expect((await http.get(`/feeds?feed=${encodeURIComponent(feed)}`)).status, feed).toBe(404);
  });
});
