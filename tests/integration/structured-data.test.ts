// Findable and quotable: a canonical link, Open Graph tags and a description on every page, and
// schema.org JSON-LD on an answered dilemma (a QAPage with one Answer per region) and on a law or code
// page (a Legislation, or a CreativeWork for a professional code, with one part per article).
import { parse } from "parse5";
import { describe, expect, it } from "vitest";

import { httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
}

function elements(node: Node, name: string): Node[] {
  return [
    ...(node.nodeName === name ? [node] : []),
    ...(node.childNodes ?? []).flatMap((child) => elements(child, name)),
  ];
}
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The one JSON-LD block of a page, parsed; it carries the response's nonce. */
function jsonLd(doc: Node) {
  const scripts = elements(doc, "script").filter((s) => attr(s, "type") === "application/ld+json");
  expect(scripts).toHaveLength(1);
  expect(attr(scripts[0]!, "nonce")).toBeTruthy();
  return JSON.parse(scripts[0]!.childNodes![0]!.value!) as unknown;
}

async function page(path: string) {
  const response = await http.get(path);
  expect(response.status, path).toBe(200);
  return parse(await response.text()) as unknown as Node;
}

describe("every page", () => {
  it.each(["/", "/dilemmas", "/zoeken?q=school", "/regios/zeeland", "/beroepscodes", "/privacy"])(
    "%s has a description, a canonical address from PUBLIC_URL and Open Graph tags",
    async (path) => {
      const doc = await page(path);
      const metas = elements(doc, "meta");
      const content = (key: string, value: string) => metas.find((m) => attr(m, key) === value)?.attrs;
      expect(content("name", "description")?.find((a) => a.name === "content")?.value.length).toBeGreaterThan(40);
      for (const property of ["og:title", "og:description", "og:url", "og:site_name", "og:locale"])
        expect(content("property", property), property).toBeDefined();
      const canonical = elements(doc, "link").filter((l) => attr(l, "rel") === "canonical");
      expect(canonical).toHaveLength(1);
      expect(attr(canonical[0]!, "href")).toBe(server.url + path.split("?")[0]);
    },
  );
});

describe("an answered dilemma", () => {
  it("carries a QAPage with a Question and one Answer per region that answered", async () => {
    const slug = http.one<{ slug: string }>(
      "select d.slug from dilemmas d join current_answer_versions c on c.dilemma_id = d.id where d.status = 'answered' group by d.id having count(*) >= 2 limit 1",
    )!.slug;
    const regions = http.sql<{ slug: string; name: string; version: number }>(
      "select r.slug, r.name, c.version from current_answer_versions c join regions r on r.id = c.region_id join dilemmas d on d.id = c.dilemma_id where d.slug = ?",
      slug,
    );
    const scripts = elements(await page(`/dilemmas/${slug}`), "script").filter(
      (s) => attr(s, "type") === "application/ld+json",
    );
    expect(scripts).toHaveLength(1);
    expect(attr(scripts[0]!, "nonce")).toBeTruthy();
    const data = JSON.parse(scripts[0]!.childNodes![0]!.value!) as {
      "@context": string;
      "@type": string;
      mainEntity: {
        "@type": string;
        name: string;
        text: string;
        answerCount: number;
        suggestedAnswer: { "@type": string; text: string; url: string; author: { name: string } }[];
      };
    };
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("QAPage");
    expect(data.mainEntity["@type"]).toBe("Question");
    expect(data.mainEntity.text).toMatch(/\?$/);
    expect(data.mainEntity.answerCount).toBe(regions.length);
    expect(data.mainEntity.suggestedAnswer).toHaveLength(regions.length);
    for (const region of regions) {
      const answer = data.mainEntity.suggestedAnswer.find((a) => a.author.name === `Leertuin ${region.name}`);
      expect(answer, region.slug).toBeDefined();
      expect(answer!["@type"]).toBe("Answer");
      expect(answer!.url).toBe(`${server.url}/dilemmas/${slug}/afspraken/${region.slug}/${region.version}`);
      expect(answer!.text).toMatch(new RegExp(`^${region.name}: (Delen|Delen onder voorwaarden|Niet delen)\\. \\S`));
    }
  });

  it("leaves it out of a member's page, which no search engine reads, and keeps the answers there", async () => {
    const slug = http.one<{ slug: string }>(
      "select d.slug from dilemmas d join current_answer_versions c on c.dilemma_id = d.id where d.status = 'answered' limit 1",
    )!.slug;
    const member = await http.html(await http.get(`/dilemmas/${slug}`, await http.logIn("lid.zeeland@leertuin.test")));
    expect(member).toContain('class="answer__body"');
    expect(member).not.toContain("application/ld+json");
    expect(await http.html(await http.get(`/dilemmas/${slug}`))).toContain("application/ld+json");
  });

  it("has no JSON-LD while it is only proposed", async () => {
    const proposed = http.one<{ slug: string }>("select slug from dilemmas where status <> 'answered' limit 1");
    if (!proposed) return;
    const cookie = await http.logIn("lid.zeeland@leertuin.test");
    const response = await http.get(`/dilemmas/${proposed.slug}`, cookie);
    expect(await response.text()).not.toContain("application/ld+json");
  });
});

interface Part {
  "@type": string;
  name: string;
  url: string;
  abstract: string;
}
interface CodeData {
  "@context": string;
  "@type": string;
  name: string;
  url: string;
  sameAs: string;
  legislationIdentifier?: string;
  legislationJurisdiction?: string;
  legislationLegalForce?: string;
  legislationPassedBy?: { "@type": string; name: string };
  publisher?: { "@type": string; name: string };
  hasPart: Part[];
}

/** The articles of a code's newest edition, in their order. */
const newestArticles = (slug: string) =>
  http.sql<{ anchor: string; heading: string }>(
    `select a.anchor, a.heading from code_edition_articles a
       join code_editions e on e.id = a.edition_id join codes c on c.id = e.code_id
      where c.slug = ? and e.effective_from = (select max(effective_from) from code_editions where code_id = c.id)
      order by a.position`,
    slug,
  );

describe("a law's page", () => {
  it("carries a Legislation with one Legislation part per article, in order, each with its address", async () => {
    const law = http.one<{ slug: string; title: string; issuer: string; source_url: string }>(
      "select slug, title, issuer, source_url from codes where kind = 'wet' and source_url like 'https://wetten.overheid.nl/BWBR%' order by slug limit 1",
    )!;
    const articles = newestArticles(law.slug);
    expect(articles.length).toBeGreaterThan(0);
    const data = jsonLd(await page(`/beroepscodes/${law.slug}`)) as CodeData;
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("Legislation");
    expect(data.name).toBe(law.title);
    expect(data.url).toBe(`${server.url}/beroepscodes/${law.slug}`);
    expect(data.sameAs).toBe(law.source_url);
    expect(data.legislationIdentifier).toMatch(/^BWBR\d{7}$/);
    expect(law.source_url).toContain(data.legislationIdentifier);
    expect(data.legislationJurisdiction).toBe("NL");
    expect(data.legislationLegalForce).toBe("InForce");
    expect(data.legislationPassedBy).toEqual({ "@type": "Organization", name: law.issuer });
    expect(data.hasPart.map((p) => p.name)).toEqual(articles.map((a) => a.heading));
    for (const [i, part] of data.hasPart.entries()) {
      expect(part["@type"]).toBe("Legislation");
      expect(part.url).toBe(`${server.url}/beroepscodes/${law.slug}#${articles[i]!.anchor}`);
      // Our own summary as plain text: no markdown, no HTML entities.
      expect(part.abstract.length).toBeGreaterThan(40);
      expect(part.abstract).not.toMatch(/[*#]|&(amp|lt|gt);/);
    }
  });

  it("names the EU regulation by its ELI and the EU as jurisdiction", async () => {
    const avg = http.one<{ slug: string }>(
      "select slug from codes where source_url like '%eur-lex.europa.eu/eli/reg/%'",
    );
    expect(avg, "the AVG in the library").toBeDefined();
    const data = jsonLd(await page(`/beroepscodes/${avg!.slug}`)) as CodeData;
    expect(data["@type"]).toBe("Legislation");
    expect(data.legislationIdentifier).toMatch(/^http:\/\/data\.europa\.eu\/eli\/reg\/\d{4}\/\d+\/oj$/);
    expect(data.legislationJurisdiction).toBe("EU");
  });

  it("of an edition no longer in force says so, at that edition's address", async () => {
    const ended = http.one<{ slug: string; effective_from: string; newest: string }>(
      `select c.slug, e.effective_from, (select max(effective_from) from code_editions where code_id = c.id) as newest
         from code_editions e join codes c on c.id = e.code_id
        where c.kind = 'wet' and e.ends_on is not null and e.ends_on <= date('now') limit 1`,
    );
    expect(ended, "an edition that ended (the Wbp)").toBeDefined();
    const path =
      ended!.effective_from === ended!.newest
        ? `/beroepscodes/${ended!.slug}`
        : `/beroepscodes/${ended!.slug}?editie=${ended!.effective_from}`;
    const data = jsonLd(await page(path)) as CodeData;
    expect(data.legislationLegalForce).toBe("NotInForce");
    expect(data.url).toBe(server.url + path);
  });
});

describe("a professional code's page", () => {
  it("is a CreativeWork of its publisher with one part per article, not legislation", async () => {
    const code = http.one<{ slug: string; issuer: string }>(
      "select slug, issuer from codes where kind = 'beroepscode' order by slug limit 1",
    )!;
    const data = jsonLd(await page(`/beroepscodes/${code.slug}`)) as CodeData;
    expect(data["@type"]).toBe("CreativeWork");
    expect(data.publisher).toEqual({ "@type": "Organization", name: code.issuer });
    expect(data.legislationIdentifier).toBeUndefined();
    expect(data.hasPart.map((p) => p.name)).toEqual(newestArticles(code.slug).map((a) => a.heading));
    expect(data.hasPart.every((p) => p["@type"] === "CreativeWork")).toBe(true);
  });
});
