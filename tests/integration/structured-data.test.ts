// Findable and quotable: a canonical link, Open Graph tags and a description on every page, and
// schema.org JSON-LD on an answered dilemma (a QAPage with one Answer per region).
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

  it("has no JSON-LD while it is only proposed", async () => {
    const proposed = http.one<{ slug: string }>("select slug from dilemmas where status <> 'answered' limit 1");
    if (!proposed) return;
    const cookie = await http.logIn("lid.zeeland@leertuin.test");
    const response = await http.get(`/dilemmas/${proposed.slug}`, cookie);
    expect(await response.text()).not.toContain("application/ld+json");
  });
});
