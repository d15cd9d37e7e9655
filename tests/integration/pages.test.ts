import { describe, expect, it } from "vitest";

import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });

async function get(path: string) {
  const response = await fetch(server.url + path, { redirect: "manual" });
  // React separates adjacent text with empty comments; they are not what a reader sees.
  const html = (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"');
  return { response, html };
}

function rows<T>(sql: string): T[] {
  return server.db().$client.prepare(sql).all() as T[];
}

function expectPage(html: string) {
  expect(html).toMatch(/<html lang="nl"/);
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  expect(html).toMatch(/<title>[^<]+ — Leertuin<\/title>/);
  expect(html).toContain('href="#inhoud"');
  expect(html).toMatch(/<main id="inhoud"/);
}

describe("reading pages", () => {
  it.each(["/", "/dilemmas", "/beroepscodes", "/regios"])("%s answers 200 with a whole page", async (path) => {
    const { response, html } = await get(path);
    expect(response.status).toBe(200);
    expectPage(html);
  });

  it("serves every answered dilemma, with every region's answer and its citations", async () => {
    const dilemmas = rows<{ slug: string; title: string }>(
      "select slug, title from dilemmas where status = 'answered'",
    );
    expect(dilemmas.length).toBeGreaterThan(0);
    for (const dilemma of dilemmas) {
      const { response, html } = await get(`/dilemmas/${dilemma.slug}`);
      expect(response.status, dilemma.slug).toBe(200);
      expectPage(html);
      const regions = rows<{ name: string }>(
        `select r.name from current_answer_versions cv join regions r on r.id = cv.region_id join dilemmas d on d.id = cv.dilemma_id where d.slug = '${dilemma.slug}'`,
      );
      for (const region of regions) expect(html).toContain(`Afspraak ${region.name}`);
      const cited = rows<{ href: string }>(
        `select '/beroepscodes/' || c.slug || '#' || a.anchor as href from current_answer_versions cv
         join dilemmas d on d.id = cv.dilemma_id join citations ci on ci.answer_version_id = cv.id
         join articles a on a.id = ci.article_id join codes c on c.id = a.code_id where d.slug = '${dilemma.slug}'`,
      );
      for (const { href } of cited) expect(html).toContain(`href="${href}"`);
    }
  });

  it("serves every published version of every answer", async () => {
    const versions = rows<{ path: string; version: number }>(
      `select '/dilemmas/' || d.slug || '/afspraken/' || r.slug || '/' || av.version as path, av.version from answer_versions av
       join answers a on a.id = av.answer_id join dilemmas d on d.id = a.dilemma_id join regions r on r.id = a.region_id
       where av.published_at is not null`,
    );
    for (const { path, version } of versions) {
      const { response, html } = await get(path);
      expect(response.status, path).toBe(200);
      expect(html).toMatch(new RegExp(`<dd>${version} \\((geldend|eerdere versie)\\), afgesproken op`));
    }
  });

  it("shows where an adopted answer came from", async () => {
    const adoption = rows<{ dilemma: string; source: string; version: number }>(
      `select d.slug as dilemma, r.name as source, src.version from answer_versions av
       join answer_versions src on src.id = av.adopted_from_version_id join answers sa on sa.id = src.answer_id
       join regions r on r.id = sa.region_id join dilemmas d on d.id = sa.dilemma_id limit 1`,
    )[0];
    expect(adoption).toBeDefined();
    const { html } = await get(`/dilemmas/${adoption!.dilemma}`);
    expect(html).toContain("Overgenomen van");
    expect(html).toContain(`${adoption!.source} (versie ${adoption!.version})`);
  });

  it("serves every code with an anchor per article and back-links to citing answers", async () => {
    const codes = rows<{ slug: string }>("select slug from codes");
    for (const { slug } of codes) {
      const { response, html } = await get(`/beroepscodes/${slug}`);
      expect(response.status, slug).toBe(200);
      // The page shows the edition in force; older editions' articles are at ?editie=.
      const anchors = rows<{ anchor: string }>(
        `select cea.anchor from code_edition_articles cea join code_editions ce on ce.id = cea.edition_id
         join codes c on c.id = ce.code_id where c.slug = '${slug}'
         and ce.effective_from = (select max(effective_from) from code_editions where code_id = c.id)`,
      );
      expect(anchors.length, slug).toBeGreaterThan(0);
      for (const { anchor } of anchors) expect(html).toContain(`id="${anchor}"`);
    }
    const cited = rows<{ code: string; dilemma: string }>(
      `select c.slug as code, d.slug as dilemma from citations ci join current_answer_versions cv on cv.id = ci.answer_version_id
       join articles a on a.id = ci.article_id join codes c on c.id = a.code_id join dilemmas d on d.id = cv.dilemma_id limit 1`,
    )[0]!;
    const { html } = await get(`/beroepscodes/${cited.code}`);
    expect(html).toMatch(/Aangehaald in \d+ afspra(ak|ken)/);
    expect(html).toContain(`/dilemmas/${cited.dilemma}#`);
  });

  it("serves every region", async () => {
    for (const { slug, name } of rows<{ slug: string; name: string }>("select slug, name from regions")) {
      const { response, html } = await get(`/regios/${slug}`);
      expect(response.status, slug).toBe(200);
      expect(html).toContain(`Leertuin ${name}`);
    }
  });

  it("filters dilemmas by theme, sector, region and verdict, in the URL", async () => {
    const theme = rows<{ slug: string; n: number }>(
      "select dt.theme_slug as slug, count(*) as n from dilemma_themes dt join dilemmas d on d.id = dt.dilemma_id where d.status = 'answered' group by 1 order by 2 desc limit 1",
    )[0]!;
    const { response, html } = await get(`/dilemmas?thema=${theme.slug}`);
    expect(response.status).toBe(200);
    expect(html).toContain(theme.n === 1 ? "1 dilemma met deze filters" : `${theme.n} dilemma's met deze filters`);

    const combo = rows<{ region: string; verdict: string; n: number }>(
      "select r.slug as region, cv.verdict, count(*) as n from current_answer_versions cv join regions r on r.id = cv.region_id group by 1, 2 order by 3 desc limit 1",
    )[0]!;
    const filtered = await get(`/dilemmas?regio=${combo.region}&oordeel=${combo.verdict}&sector=&thema=`);
    expect(filtered.html).toContain(
      combo.n === 1 ? "1 dilemma met deze filters" : `${combo.n} dilemma's met deze filters`,
    );
  });

  it("pages through the list, keeping the filters", async () => {
    const total = rows<{ n: number }>("select count(*) as n from dilemmas where status = 'answered'")[0]!.n;
    expect(total, "the library fills more than one page").toBeGreaterThan(20);
    const second = await get("/dilemmas?pagina=2");
    expect(second.html).toContain(`pagina 2 van ${Math.ceil(total / 20)}`);
    expect(second.html.match(/<li class="card">/g)).toHaveLength(Math.min(20, total - 20));
    expect(second.html).toMatch(/rel="prev"[^>]* href="\/dilemmas"/);

    const sector = rows<{ sector: string; n: number }>(
      `select s.sector, count(distinct d.id) as n from dilemmas d join dilemma_asking_sectors s on s.dilemma_id = d.id
       where d.status = 'answered' group by 1 order by 2 desc limit 1`,
    )[0]!;
    const filtered = await get(`/dilemmas?sector=${sector.sector}`);
    if (sector.n > 20) expect(filtered.html).toContain(`href="/dilemmas?sector=${sector.sector}&amp;pagina=2"`);
    else expect(filtered.html).not.toContain("pagina=2");
  });
});

describe("wrong addresses and bad parameters", () => {
  it.each([
    ["/bestaat-niet", "Deze pagina bestaat niet"],
    ["/dilemmas/bestaat-niet", "Dit dilemma bestaat niet"],
    ["/dilemmas/Hoofd%20Letters", "Dit dilemma bestaat niet"],
    ["/dilemmas/x/afspraken/zeeland/0", "Deze afspraak bestaat niet"],
    ["/dilemmas/x/afspraken/zeeland/abc", "Deze afspraak bestaat niet"],
    ["/beroepscodes/bestaat-niet", "Deze beroepscode of wet bestaat niet"],
    ["/regios/bestaat-niet", "Deze regio bestaat niet"],
    ["/dilemmas?thema=bestaat-niet", "Dit thema bestaat niet"],
    ["/dilemmas?regio=bestaat-niet", "Deze regio bestaat niet"],
    ["/dilemmas?oordeel=misschien", "Deze filter bestaat niet"],
    ["/dilemmas?sector=bakker", "Deze filter bestaat niet"],
    ["/dilemmas?pagina=-1", "Deze filter bestaat niet"],
    ["/dilemmas?pagina=9999", "Deze pagina van de lijst bestaat niet"],
    ["/dilemmas?thema=%27%3B%20drop%20table%20dilemmas", "Deze filter bestaat niet"],
  ])("%s is a Dutch 404 page", async (path, message) => {
    const { response, html } = await get(path);
    expect(response.status).toBe(404);
    expect(html).toContain("Pagina niet gevonden");
    expect(html).toContain(message);
    expectPage(html);
  });

  it("a data request for a wrong URL is a 404 too, not a 500", async () => {
    const { response } = await get("/dilemmas/bestaat-niet.data");
    expect(response.status).toBe(404);
  });
});

describe("HTTP", () => {
  it("sends security headers with a fresh CSP nonce on every render", async () => {
    // Two renders: a visitor's second request would be the first one's cached copy (page-cache.test.ts).
    const first = await get("/");
    const second = await get("/?melding=account-verwijderd");
    const csp = first.response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(second.response.headers.get("content-security-policy")).not.toBe(csp);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(first.html).toContain(`nonce="${nonce}"`);
    expect(first.response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.response.headers.get("x-powered-by")).toBeNull();
  });

  it("compresses pages and caches fingerprinted assets for a year", async () => {
    const page = await fetch(server.url + "/", { headers: { "accept-encoding": "gzip" } });
    expect(page.headers.get("content-encoding")).toBe("gzip");
    const html = await page.text();
    const asset = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const css = await fetch(server.url + asset);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("request guards", () => {
  it("refuses a cross-site POST with 403, whatever the path", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "https://kwaadwillend.example" },
      { referer: "https://kwaadwillend.example/formulier" },
      { origin: "null" },
    ];
    for (const headers of foreign) {
      const response = await fetch(`${server.url}/dilemmas`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: "a=1",
      });
      expect(response.status).toBe(403);
      const html = await response.text();
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain("geweigerd");
    }
  });

  it("lets a POST from its own origin through to the app", async () => {
    const response = await fetch(`${server.url}/dilemmas`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    // The reading pages have no action: Remix answers 405, which proves the guard let it pass.
    expect(response.status).toBe(405);
  });

  it("refuses a body above the limit with 413 and a Dutch message", async () => {
    const response = await fetch(`${server.url}/dilemmas`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x".repeat(300 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("te groot");
  });
});
