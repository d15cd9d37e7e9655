// The XSS corpus through every markdown field: the renderer on its own, random combinations of the
// vectors' pieces, and over HTTP through every form whose markdown a page shows, then the pages (and
// the Atom feed) parsed as a browser parses them: nothing executable comes out.
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { marked } from "marked";
import { describe, expect, it } from "vitest";

import { renderMarkdown } from "~/utils/markdown.server";
import { encodeForm, XSS_FRAGMENTS, XSS_VECTORS } from "../support/fuzz";
import { executableInFragment, executableInPage, richTextBlocks } from "../support/html-safety";
import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

describe("the markdown renderer", () => {
  it("the corpus is hostile: unsanitised, most vectors come out executable", () => {
    const caught = XSS_VECTORS.filter((v) => executableInFragment(marked.parse(v) as string).length > 0);
    expect(caught.length).toBeGreaterThanOrEqual(45);
  });

  it.each(XSS_VECTORS.map((v) => [v]))("%j renders without anything executable", (vector) => {
    expect(executableInFragment(renderMarkdown(vector))).toEqual([]);
    expect(
      executableInFragment(renderMarkdown(`Tekst ervoor\n\n${vector}\n\n- een lijst\n- [link](${vector})`)),
    ).toEqual([]);
  });

  it("random combinations of the vectors' pieces render without anything executable", () => {
    const piece = fc.oneof(
      fc.constantFrom(...XSS_VECTORS),
      fc.constantFrom(...XSS_FRAGMENTS),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        expect(executableInFragment(renderMarkdown(pieces.join("")))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("still renders ordinary links and emphasis", () => {
    expect(renderMarkdown("Zie [de AVG](https://example.org/avg) en **let op**.")).toBe(
      '<p>Zie <a href="https://example.org/avg" rel="noopener noreferrer">de AVG</a> en <strong>let op</strong>.</p>',
    );
  });
});

describe("the corpus through the forms and the pages that show them", () => {
  const server = useTestServer({ resetBetweenTests: false });
  const http = httpClient(server);

  /** Fills a markdown field of at most `max` characters with as many vectors as fit, starting at `from`. */
  const vectors = (from: number, max: number) => {
    let text = "";
    for (let i = 0; i < XSS_VECTORS.length; i++) {
      const next = `${XSS_VECTORS[(from + i) % XSS_VECTORS.length]}\n\n`;
      if (text.length + next.length > max) break;
      text += next;
    }
    return text;
  };
  const check = async (path: string, cookie?: string) => {
    const response = await http.get(path, cookie);
    expect(response.status, path).toBe(200);
    const page = await response.text();
    expect(richTextBlocks(page), `${path} shows no rich text`).toBeGreaterThan(0);
    expect(page, `${path} does not show the corpus`).toContain("alert(1)");
    expect(executableInPage(page), path).toEqual([]);
  };

  it(
    "comments, a proposal, an answer, a suggestion note, a region description and a preview",
    { timeout: 120_000 },
    async () => {
      const member = await http.logIn(DEMO.member);
      const facilitator = await http.logIn(DEMO.facilitator);
      const slug = http.one<{ slug: string }>(
        "select d.slug from dilemmas d join regions r on r.id = d.origin_region_id where d.status = 'answered' and r.slug = 'zeeland' order by d.id limit 1",
      )!.slug;

      let session = member;
      for (const [i, vector] of XSS_VECTORS.entries()) {
        // A fresh session now and then, as people log in on more devices.
        if (i > 0 && i % 25 === 0) session = await http.logIn(DEMO.member);
        const response = await http.post(
          `/dilemmas/${slug}`,
          { intent: "comment", body: `Reactie: ${vector}` },
          session,
        );
        expect(response.status, vector).toBe(200);
      }
      expect(http.one<{ n: number }>("select count(*) as n from comments")!.n).toBe(XSS_VECTORS.length);

      const proposed = await http.post(
        "/voorstellen",
        encodeForm({
          region: "zeeland",
          title: "<script>alert(1)</script> en <img src=x onerror=alert(1)> op de opvang",
          question: "Mag de opvang dit delen? <svg onload=alert(1)>",
          situation: vectors(0, 8000),
          purpose: '"><script>alert(1)</script>',
          holderSector: "onderwijs",
          askingSectors: ["wijkteam"],
          themes: ["signalen"],
        }),
        member,
      );
      expect(proposed.status).toBe(302);
      const proposal = /^\/dilemmas\/([a-z0-9-]+)\?/.exec(proposed.headers.get("location")!)![1]!;

      const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
      const answer = (intent: string, offset: number) => {
        const form = new URLSearchParams({
          intent,
          verdict: "delen-onder-voorwaarden",
          route: "toestemming",
          grounding: vectors(offset, 2000),
          purpose: vectors(offset + 10, 2000),
          necessity: vectors(offset + 20, 2000),
          proportionality: vectors(offset + 30, 2000),
          agreement: vectors(offset + 40, 2000),
          conditions: XSS_VECTORS.filter((v) => !v.includes("\n"))
            .slice(0, 15)
            .join("\n"),
          agreedOn: "2026-01-15",
          agreedBy: "<img src=x onerror=alert(1)>",
          reviewBy: "",
        });
        for (const id of http.sql<{ id: number }>("select id from articles order by id limit 2"))
          form.append("citations", String(id.id));
        return form;
      };
      const preview = await http.post(editor, answer("preview", 0), facilitator);
      expect(preview.status).toBe(200);
      const previewPage = await preview.text();
      expect(richTextBlocks(previewPage)).toBeGreaterThanOrEqual(5);
      expect(executableInPage(previewPage)).toEqual([]);
      expect((await http.post(editor, answer("publish", 0), facilitator)).status).toBe(302);
      const published = await http.post(editor, answer("publish", 25), facilitator);
      expect(published.status).toBe(302);
      const versionPage = published.headers.get("location")!.split("?")[0]!;

      const version = Number(versionPage.split("/").at(-1));
      const otherMember = await http.logIn(DEMO.otherMember);
      const suggested = await http.post(
        `/dilemmas/${slug}/afspraken/zeeland/${version}/overnemen`,
        { intent: "suggest", region: "twente", note: vectors(5, 2000) },
        otherMember,
      );
      expect(suggested.status).toBeLessThan(400);

      const admin = await http.logIn(DEMO.admin);
      const region = await http.post(
        "/beheer/regios/nieuw",
        {
          slug: "proef-regio",
          name: "Proefregio",
          province: "Utrecht",
          since: "2024-03-01",
          description: vectors(15, 5000),
        },
        admin,
      );
      expect(region.status).toBe(302);

      await check(`/dilemmas/${slug}`, member);
      await check(`/dilemmas/${proposal}`, member);
      await check(versionPage);
      await check("/regios/zeeland/spelregels");
      await check("/regios/twente/agenda", await http.logIn(DEMO.otherFacilitator));
      await check("/regios/proef-regio");

      const feed = await http.get("/feeds/regios/zeeland.atom");
      expect(feed.status).toBe(200);
      const entries = [new XMLParser().parse(await feed.text()).feed.entry].flat() as { content?: string }[];
      const contents = entries.map((e) => String(e.content ?? "")).filter((c) => c.includes("alert(1)"));
      expect(contents.length).toBeGreaterThan(0);
      for (const content of contents) expect(executableInFragment(content)).toEqual([]);
    },
  );
});
