import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

import { formatDate } from "~/utils/dates";
import { useTestServer } from "../support/test-server";

const server = useTestServer();

async function get(path: string, cookie?: string) {
  const response = await fetch(server.url + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const body = (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"');
  return { response, body };
}

function rows<T>(sql: string, ...params: unknown[]): T[] {
  return server
    .db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

function run(sql: string, ...params: unknown[]) {
  server
    .db()
    .$client.prepare(sql)
    .run(...params);
}

async function logIn(email: string) {
  const response = await fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "leertuin-demo" }),
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** The text of each cell of each body row of the first table with this class: tags dropped, spaces squeezed. */
function tableRows(html: string, className: string): string[][] {
  const table = new RegExp(`<table class="[^"]*\\b${className}\\b[^"]*">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) =>
      cell!
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
}

const CURRENT = `select d.slug as dilemma, d.title, r.slug as region, r.name as regionName, cv.verdict, cv.version, cv.agreed_on as agreedOn,
  cv.adopted_from_version_id as adoptedFrom
  from current_answer_versions cv join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id
  where d.status = 'answered'`;
type Current = {
  dilemma: string;
  title: string;
  region: string;
  regionName: string;
  verdict: string;
  version: number;
  agreedOn: string;
  adoptedFrom: number | null;
};

describe("the matrix /vergelijk", () => {
  it("shows every region's verdict in force per dilemma, with adoptions, and counts the filled cells", async () => {
    const current = rows<Current>(CURRENT);
    const dilemmas = new Set(current.map((c) => c.dilemma)).size;
    const regions = rows<{ n: number }>("select count(*) as n from regions")[0]!.n;
    const { response, body } = await get("/vergelijk");
    expect(response.status).toBe(200);
    expect(body).toContain(
      `${dilemmas} dilemma's en ${regions} regio's: ${current.length} van de ${dilemmas * regions} vakjes hebben een afspraak.`,
    );
    // The matrix shows 50 dilemmas a page; the library has more, so every page is read.
    const matrix = tableRows(body, "compare-matrix");
    for (let page = 2; page <= Math.ceil(dilemmas / 50); page++) {
      const next = await get(`/vergelijk?pagina=${page}`);
      expect(next.response.status).toBe(200);
      matrix.push(...tableRows(next.body, "compare-matrix"));
    }
    expect(matrix).toHaveLength(dilemmas);
    const header = /<table class="utrecht-table compare-matrix">[\s\S]*?<thead>([\s\S]*?)<\/thead>/.exec(body)![1]!;
    const columns = [...header.matchAll(/href="\/regios\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
    const labels = {
      delen: "Delen",
      "delen-onder-voorwaarden": "Delen onder voorwaarden",
      "niet-delen": "Niet delen",
    } as const;
    for (const answer of current) {
      const row = matrix.find((r) => r[0]!.startsWith(answer.title))!;
      const cell = row[1 + columns.indexOf(answer.region)]!;
      expect(cell, `${answer.dilemma} × ${answer.region}`).toContain(labels[answer.verdict as keyof typeof labels]);
      if (answer.adoptedFrom) expect(cell).toMatch(/Overgenomen van [A-Z]/);
      else expect(cell).not.toContain("Overgenomen");
    }
    const empty = matrix.flatMap((r) => r.slice(1)).filter((cell) => cell === "— geen afspraak");
    expect(empty).toHaveLength(dilemmas * regions - current.length);
  });

  it("puts the agreement of every pair of regions in the heatmap, as a share and as counts", async () => {
    const current = rows<Current>(CURRENT);
    const regions = rows<{ slug: string; name: string }>("select slug, name from regions order by name");
    const { body } = await get("/vergelijk");
    const heatmap = tableRows(body, "heatmap");
    expect(heatmap.map((r) => r[0])).toEqual(regions.map((r) => r.name));
    regions.forEach((a, i) =>
      regions.forEach((b, j) => {
        const cell = heatmap[i]![j + 1]!;
        if (a.slug === b.slug) return expect(cell).toBe("— dezelfde regio");
        const verdict = (region: string, dilemma: string) =>
          current.find((c) => c.region === region && c.dilemma === dilemma)?.verdict;
        const shared = [...new Set(current.map((c) => c.dilemma))].filter(
          (d) => verdict(a.slug, d) && verdict(b.slug, d),
        );
        const same = shared.filter((d) => verdict(a.slug, d) === verdict(b.slug, d)).length;
        expect(cell, `${a.slug}/${b.slug}`).toBe(
          shared.length === 0
            ? "geen gedeelde dilemma's"
            : `${Math.round((100 * same) / shared.length)}% ${same} van ${shared.length}`,
        );
      }),
    );
    expect(body).toMatch(/Het minst eens: <span><a[^>]+href="\/vergelijk\?regio=[a-z-]+&amp;regio=[a-z-]+"/);
  });

  it("narrows to the chosen regions, theme and sector — all in the URL — and links pairs side by side", async () => {
    const current = rows<Current>(CURRENT).filter((c) => c.region === "twente" || c.region === "zeeland");
    const { response, body } = await get("/vergelijk?regio=zeeland&regio=twente");
    expect(response.status).toBe(200);
    const matrix = tableRows(body, "compare-matrix");
    expect(matrix).toHaveLength(new Set(current.map((c) => c.dilemma)).size);
    expect(matrix[0]).toHaveLength(3);
    expect(body).toContain('<input type="checkbox" name="regio" checked="" value="twente"/>');
    expect(body).toContain('<input type="checkbox" name="regio" value="groningen"/>');
    expect(tableRows(body, "heatmap")).toHaveLength(2);
    const both = [...new Set(current.map((c) => c.dilemma))].filter(
      (d) => current.filter((c) => c.dilemma === d).length === 2,
    );
    expect(both.length).toBeGreaterThan(0);
    for (const dilemma of both)
      expect(body).toContain(`href="/dilemmas/${dilemma}/vergelijk?regio=twente&amp;regio=zeeland"`);
    expect(body.match(/naast elkaar<span class="visually-hidden">/g)).toHaveLength(both.length);

    const theme = rows<{ theme: string; sector: string }>(
      `select dt.theme_slug as theme, d.holder_sector as sector from dilemma_themes dt join dilemmas d on d.id = dt.dilemma_id
       where d.status = 'answered' group by 1, 2 order by count(*) desc limit 1`,
    )[0]!;
    const expected = rows<{ title: string }>(
      `select d.title from dilemmas d where d.status = 'answered'
       and exists (select 1 from dilemma_themes dt where dt.dilemma_id = d.id and dt.theme_slug = ?)
       and (d.holder_sector = ? or exists (select 1 from dilemma_asking_sectors s where s.dilemma_id = d.id and s.sector = ?))
       order by d.title`,
      theme.theme,
      theme.sector,
      theme.sector,
    );
    const filtered = await get(`/vergelijk?thema=${theme.theme}&sector=${theme.sector}&regio=`);
    expect(tableRows(filtered.body, "compare-matrix")).toHaveLength(expected.length);
    for (const { title } of expected) expect(filtered.body).toContain(title);
  });

  it("draws the adoptions between regions as an SVG with a table that says the same", async () => {
    const adoptions = rows<{ source: string; adopter: string; n: number }>(
      `select sr.name as source, r.name as adopter, count(*) as n from answer_versions av
       join answers a on a.id = av.answer_id join regions r on r.id = a.region_id
       join answer_versions src on src.id = av.adopted_from_version_id join answers sa on sa.id = src.answer_id
       join regions sr on sr.id = sa.region_id join dilemmas d on d.id = a.dilemma_id
       where av.published_at is not null and a.status = 'published' and d.status = 'answered'
       group by 1, 2 order by 1, 2`,
    );
    expect(adoptions.length).toBeGreaterThan(0);
    const { body } = await get("/vergelijk");
    expect(body).toMatch(
      /<svg class="lineage-graph" viewBox="[\d ]+" role="img" aria-labelledby="overnames-svg-titel overnames-svg-uitleg">/,
    );
    const total = adoptions.reduce((sum, a) => sum + a.n, 0);
    expect(body).toContain(
      `${total} overnames; elke pijl loopt van de regio die de afspraak maakte naar de regio die hem overnam`,
    );
    expect(body.match(/<g class="lineage-graph__edge">/g)).toHaveLength(adoptions.length);
    const table = /Overgenomen door<\/th>[\s\S]*?<\/table>/.exec(body)![0];
    const tableBody = tableRows(
      `<table class="lineage-table">${table.slice(table.indexOf("<tbody>"))}`,
      "lineage-table",
    );
    expect(tableBody.map((r) => [r[0], r[1], Number(r[2])])).toEqual(adoptions.map((a) => [a.source, a.adopter, a.n]));
  });

  it.each([
    ["/vergelijk?regio=bestaat-niet", "Deze regio bestaat niet"],
    ["/vergelijk?regio=zeeland&regio=Twente", "Deze filter bestaat niet"],
    ["/vergelijk?thema=bestaat-niet", "Dit thema bestaat niet"],
    ["/vergelijk?sector=bakker", "Deze filter bestaat niet"],
    [`/vergelijk?${Array.from({ length: 31 }, () => "regio=zeeland").join("&")}`, "Deze filter bestaat niet"],
  ])("%s is a Dutch 404 page", async (path, message) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(404);
    expect(body).toContain(message);
  });
});

describe("side by side /dilemmas/:slug/vergelijk", () => {
  const pair = () =>
    rows<{ dilemma: string; a: string; b: string }>(
      `select d.slug as dilemma, min(r.slug) as a, max(r.slug) as b from current_answer_versions cv
       join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id
       group by d.slug having count(*) = 2 order by d.slug limit 1`,
    )[0]!;

  it("puts two answers next to each other: facts compared, every section with a word diff", async () => {
    const { dilemma, a, b } = pair();
    const { response, body } = await get(`/dilemmas/${dilemma}/vergelijk?regio=${a}&regio=${b}`);
    expect(response.status).toBe(200);
    const names = rows<{ name: string }>("select name from regions where slug in (?, ?) order by slug", a, b).map(
      (r) => r.name,
    );
    expect(body).toMatch(new RegExp(`<h1[^>]*>${names[0]} en ${names[1]} naast elkaar</h1>`));
    for (const heading of [
      "Grondslag",
      "Doel",
      "Noodzaak",
      "Proportionaliteit en subsidiariteit",
      "Afspraak",
      "Voorwaarden",
    ]) {
      expect(body).toContain(`>${heading}</h2>`);
    }
    const facts = tableRows(body, "compare-facts");
    expect(facts.map((r) => r[0])).toEqual(["Oordeel", "Route", "Versie", "Overgenomen van"]);
    const verdicts = rows<{ verdict: string }>(
      `select cv.verdict from current_answer_versions cv join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id
       where d.slug = ? order by r.slug`,
      dilemma,
    );
    expect(facts[0]![3]).toBe(verdicts[0]!.verdict === verdicts[1]!.verdict ? "Gelijk" : "Verschilt");
    expect(body).toContain(`<span class="visually-hidden">[alleen ${names[0]}: </span>`);
    expect(body).toContain(`<span class="visually-hidden">[alleen ${names[1]}: </span>`);
    expect(body).toMatch(/\d+% van de woorden komt in beide teksten voor\./);
  });

  it("asks which two regions to compare when the URL does not say, and keeps a choice that cannot be compared", async () => {
    const { dilemma, a } = pair();
    const chooser = await get(`/dilemmas/${dilemma}/vergelijk`);
    expect(chooser.response.status).toBe(200);
    expect(chooser.body).toContain(
      '<select class="utrecht-select utrecht-select--html-select" id="regio-1" name="regio">',
    );
    const same = await get(`/dilemmas/${dilemma}/vergelijk?regio=${a}&regio=${a}`);
    expect(same.response.status).toBe(400);
    expect(same.body).toContain("Kies twee verschillende regio's.");
    expect(same.body).toMatch(new RegExp(`<option value="${a}" selected`));

    const single = rows<{ slug: string }>(
      "select d.slug from dilemmas d where (select count(*) from current_answer_versions cv where cv.dilemma_id = d.id) = 1 limit 1",
    )[0]!;
    expect((await get(`/dilemmas/${single.slug}/vergelijk`)).body).toContain(
      "heeft maar één regio een afspraak gemaakt",
    );
  });

  it("offers 'Overnemen' only to a facilitator of the other region, never to visitors or members", async () => {
    // A dilemma Twente and Zeeland both answered where Twente has not taken over Zeeland's version in force.
    const { dilemma, version } = rows<{ dilemma: string; version: number }>(
      `select d.slug as dilemma, z.version from dilemmas d
       join current_answer_versions t on t.dilemma_id = d.id and t.region_id = (select id from regions where slug = 'twente')
       join current_answer_versions z on z.dilemma_id = d.id and z.region_id = (select id from regions where slug = 'zeeland')
       where coalesce(t.adopted_from_version_id, 0) <> z.id limit 1`,
    )[0]!;
    const path = `/dilemmas/${dilemma}/vergelijk?regio=twente&regio=zeeland`;
    const link = `<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" data-discover="true" href="/dilemmas/${dilemma}/afspraken/zeeland/${version}/overnemen">Overnemen voor Twente</a>`;

    expect((await get(path)).body).not.toContain("Overnemen voor");
    expect((await get(path, await logIn("lid.twente@leertuin.test"))).body).not.toContain("Overnemen voor");
    const facilitator = (await get(path, await logIn("begeleider.twente@leertuin.test"))).body;
    expect(facilitator).toContain(link);
    expect(facilitator).not.toContain("Overnemen voor Zeeland");
    expect((await get(path, await logIn("admin@leertuin.test"))).body).toContain(link);
  });

  it("says so instead of offering to take over a version the region already took over", async () => {
    const adopted = rows<{ dilemma: string; adopter: string; source: string; adopterName: string }>(
      `select d.slug as dilemma, r.slug as adopter, r.name as adopterName, sr.slug as source from current_answer_versions cv
       join current_answer_versions src on src.id = cv.adopted_from_version_id
       join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id join regions sr on sr.id = src.region_id
       where r.slug in ('twente', 'zeeland') limit 1`,
    )[0]!;
    const { body } = await get(
      `/dilemmas/${adopted.dilemma}/vergelijk?regio=${adopted.adopter}&regio=${adopted.source}`,
      await logIn(`begeleider.${adopted.adopter}@leertuin.test`),
    );
    expect(body).toContain(`${adopted.adopterName} heeft deze afspraak al overgenomen.`);
    expect(body).not.toContain(`Overnemen voor ${adopted.adopterName}`);
  });

  it.each([
    ["/dilemmas/bestaat-niet/vergelijk?regio=twente&regio=zeeland", "Dit dilemma bestaat niet"],
    ["/dilemmas/Hoofd/vergelijk", "Dit dilemma bestaat niet"],
    [
      "/dilemmas/{dilemma}/vergelijk?regio=bestaat-niet&regio=twente",
      "Deze regio heeft over dit dilemma geen afspraak",
    ],
    [
      "/dilemmas/{dilemma}/vergelijk?regio={a}&regio={b}&regio={a}",
      "Kies twee verschillende regio's om te vergelijken",
    ],
    ["/dilemmas/{dilemma}/vergelijk?regio={a}&regio=%3Cscript%3E", "Kies twee verschillende regio's om te vergelijken"],
  ])("%s is a Dutch 404 page", async (template, message) => {
    const { dilemma, a, b } = pair();
    const path = template.replace("{dilemma}", dilemma).replaceAll("{a}", a).replace("{b}", b);
    const { response, body } = await get(path);
    expect(response.status).toBe(404);
    expect(body).toContain(message);
  });

  it("is a 404 for a region without an answer to the dilemma", async () => {
    const missing = rows<{ dilemma: string; region: string }>(
      `select d.slug as dilemma, r.slug as region from dilemmas d, regions r where d.status = 'answered'
       and not exists (select 1 from current_answer_versions cv where cv.dilemma_id = d.id and cv.region_id = r.id) limit 1`,
    )[0]!;
    const other = rows<{ region: string }>(
      `select r.slug as region from current_answer_versions cv join regions r on r.id = cv.region_id join dilemmas d on d.id = cv.dilemma_id
       where d.slug = ? limit 1`,
      missing.dilemma,
    )[0]!;
    const { response } = await get(
      `/dilemmas/${missing.dilemma}/vergelijk?regio=${other.region}&regio=${missing.region}`,
    );
    expect(response.status).toBe(404);
  });
});

describe("spelregels /regios/:slug/spelregels", () => {
  it("holds every answer in force of each region, by theme, with its version and date, and a table of contents", async () => {
    for (const { slug, name } of rows<{ slug: string; name: string }>("select slug, name from regions")) {
      const { response, body } = await get(`/regios/${slug}/spelregels`);
      expect(response.status, slug).toBe(200);
      expect(body).toContain(`<h1 class="utrecht-heading-1">Spelregels Leertuin ${name}</h1>`);
      expect(body).toContain(`<link rel="alternate" type="application/atom+xml" href="/feeds/regios/${slug}.atom"`);
      const answers = rows<Current>(`${CURRENT} and r.slug = ?`, slug);
      const toc = /<nav aria-labelledby="inhoud-titel"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? "";
      for (const answer of answers) {
        expect(toc).toContain(`<a class="utrecht-link" href="#${answer.dilemma}">`);
        expect(body).toContain(`<h3 id="${answer.dilemma}" class="utrecht-heading-3">${answer.title}</h3>`);
        expect(body).toContain(
          `/afspraken/${slug}/${answer.version}">${answer.version}</a>, afgesproken op ${formatDate(answer.agreedOn)}`,
        );
      }
      const mainThemes = rows<{ n: number }>(
        `select count(distinct (select dt.theme_slug from dilemma_themes dt where dt.dilemma_id = cv.dilemma_id order by dt.rowid limit 1)) as n
         from current_answer_versions cv join regions r on r.id = cv.region_id where r.slug = ?`,
        slug,
      )[0]!.n;
      expect(body.match(/<section aria-labelledby="thema-/g) ?? [], slug).toHaveLength(mainThemes);
    }
  });

  it("is a 404 for an unknown or malformed region", async () => {
    expect((await get("/regios/bestaat-niet/spelregels")).response.status).toBe(404);
    expect((await get("/regios/Zee%20land/spelregels")).response.status).toBe(404);
  });
});

describe("Atom feeds", () => {
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ["entry", "link"].includes(name),
  });
  type Entry = {
    id: string;
    title: { "#text": string };
    updated: string;
    link: { "@href": string }[];
    author: { name: string };
  };

  async function feed(path: string) {
    const { response, body } = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(body)).toBe(true);
    const parsed = xml.parse(body).feed;
    expect(parsed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    return parsed as {
      id: string;
      title: string;
      updated: string;
      link: { "@rel": string; "@href": string }[];
      entry?: Entry[];
    };
  }

  it("lists each published version of a region's answers, new and revised, newest first", async () => {
    const versions = rows<{ dilemma: string; version: number; publishedAt: string; title: string }>(
      `select d.slug as dilemma, av.version, av.published_at as publishedAt, d.title from answer_versions av
       join answers a on a.id = av.answer_id join dilemmas d on d.id = a.dilemma_id join regions r on r.id = a.region_id
       where r.slug = 'zeeland' and av.published_at is not null and a.status = 'published' and d.status = 'answered'
       order by av.published_at desc, av.id desc`,
    );
    const parsed = await feed("/feeds/regios/zeeland.atom");
    expect(parsed.title).toBe("Afspraken van Leertuin Zeeland");
    expect(parsed.id).toBe(`${server.url}/feeds/regios/zeeland.atom`);
    expect(parsed.link).toContainEqual({ "@rel": "self", "@href": `${server.url}/feeds/regios/zeeland.atom` });
    expect(parsed.updated).toBe(versions[0]!.publishedAt);
    expect(parsed.entry!.map((e) => e.id)).toEqual(
      versions.map((v) => `${server.url}/dilemmas/${v.dilemma}/afspraken/zeeland/${v.version}`),
    );
    const revision = versions.find((v) => v.version > 1)!;
    expect(parsed.entry!.map((e) => e.title["#text"])).toContain(
      `Herziene afspraak Zeeland (versie ${revision.version}): ${revision.title}`,
    );
    expect(parsed.entry!.every((e) => e.author.name === "Leertuin Zeeland")).toBe(true);
  });

  it("lists a theme's new and revised answers of every region, and is linked from the filtered library", async () => {
    const theme = rows<{ slug: string; label: string }>(
      "select slug, label from themes where slug = (select theme_slug from dilemma_themes limit 1)",
    )[0]!;
    const expected = rows<{ n: number }>(
      `select count(*) as n from answer_versions av join answers a on a.id = av.answer_id join dilemmas d on d.id = a.dilemma_id
       where av.published_at is not null and a.status = 'published' and d.status = 'answered'
       and exists (select 1 from dilemma_themes dt where dt.dilemma_id = d.id and dt.theme_slug = ?)`,
      theme.slug,
    )[0]!.n;
    const parsed = await feed(`/feeds/themas/${theme.slug}.atom`);
    expect(parsed.title).toBe(`Afspraken over ${theme.label}`);
    expect(parsed.entry).toHaveLength(Math.min(expected, 50));
    expect((await get(`/dilemmas?thema=${theme.slug}`)).body).toContain(
      `<link rel="alternate" type="application/atom+xml" href="/feeds/themas/${theme.slug}.atom" title="Afspraken over ${theme.label}"/>`,
    );
    expect((await get("/dilemmas")).body).not.toContain("application/atom+xml");
    expect((await get("/regios/twente")).body).toContain(
      '<link rel="alternate" type="application/atom+xml" href="/feeds/regios/twente.atom"',
    );
  });

  it("leaves out withdrawn answers and drafts", async () => {
    const before = (await feed("/feeds/regios/twente.atom")).entry!.length;
    run(
      `update answers set status = 'withdrawn', withdrawn_reason = 'test'
       where id = (select a.id from answers a join regions r on r.id = a.region_id where r.slug = 'twente' limit 1)`,
    );
    run(
      `insert into answer_versions (answer_id, version, verdict, route, grounding_md, purpose_md, necessity_md, proportionality_md, agreement_md, agreed_on)
       select a.id, 9, 'delen', 'toestemming', 'g', 'p', 'n', 'pr', 'concept', '2030-01-01' from answers a join regions r on r.id = a.region_id
       where r.slug = 'twente' and a.status = 'published' limit 1`,
    );
    const withdrawnVersions = rows<{ n: number }>(
      `select count(*) as n from answer_versions av join answers a on a.id = av.answer_id join regions r on r.id = a.region_id
       where r.slug = 'twente' and a.status = 'withdrawn' and av.published_at is not null`,
    )[0]!.n;
    const after = await feed("/feeds/regios/twente.atom");
    expect(after.entry!.length).toBe(before - withdrawnVersions);
    expect(after.entry!.some((e) => e.id.endsWith("/9"))).toBe(false);
  });

  it.each([
    "/feeds/regios/bestaat-niet.atom",
    "/feeds/regios/zeeland.rss",
    "/feeds/regios/Zeeland.atom",
    "/feeds/themas/bestaat-niet.atom",
    "/feeds/themas/.atom",
  ])("%s is a 404", async (path) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(404);
    expect(body).toMatch(/bestaat niet/);
  });
});

describe("open data", () => {
  it("gives a region's answers in force as versioned JSON, with lineage and cited articles", async () => {
    const { response, body } = await get("/api/regios/twente/afspraken.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = JSON.parse(body);
    expect(document.schemaVersion).toBe(1);
    expect(document.region).toMatchObject({ slug: "twente", name: "Twente", url: `${server.url}/regios/twente` });
    const current = rows<Current>(`${CURRENT} and r.slug = 'twente' order by d.title`);
    expect(
      document.answers.map((a: { dilemma: { slug: string }; version: number }) => [a.dilemma.slug, a.version]),
    ).toEqual(current.map((c) => [c.dilemma, c.version]));
    const adopted = rows<{ dilemma: string; source: string; version: number }>(
      `select d.slug as dilemma, sr.slug as source, src.version from current_answer_versions cv
       join answer_versions src on src.id = cv.adopted_from_version_id join answers sa on sa.id = src.answer_id
       join regions sr on sr.id = sa.region_id join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id where r.slug = 'twente'`,
    );
    expect(adopted.length).toBeGreaterThan(0);
    for (const a of adopted) {
      expect(
        document.answers.find((x: { dilemma: { slug: string } }) => x.dilemma.slug === a.dilemma).adoptedFrom,
      ).toEqual({
        region: a.source,
        version: a.version,
      });
    }
    const cited = rows<{ n: number }>(
      `select count(*) as n from citations c join current_answer_versions cv on cv.id = c.answer_version_id join regions r on r.id = cv.region_id where r.slug = 'twente'`,
    )[0]!.n;
    expect(document.answers.flatMap((a: { citations: unknown[] }) => a.citations)).toHaveLength(cited);
    expect(Object.keys(document.answers[0]).sort()).toEqual(
      [
        "adoptedBy",
        "adoptedFrom",
        "agreedBy",
        "agreedOn",
        "citations",
        "conditions",
        "dilemma",
        "publishedAt",
        "reviewBy",
        "route",
        "text",
        "url",
        "verdict",
        "version",
      ].sort(),
    );
  });

  it("gives the same answers as CSV that a CSV library reads back", async () => {
    const json = JSON.parse((await get("/api/regios/zeeland/afspraken.json")).body);
    const response = await fetch(`${server.url}/api/regios/zeeland/afspraken.csv`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="afspraken-zeeland.csv"');
    const records = parseCsv(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records).toHaveLength(json.answers.length);
    records.forEach((record, i) => {
      const answer = json.answers[i];
      expect(record).toMatchObject({
        dilemma_slug: answer.dilemma.slug,
        dilemma_title: answer.dilemma.title,
        verdict: answer.verdict,
        version: String(answer.version),
        agreed_on: answer.agreedOn,
        adopted_from_region: answer.adoptedFrom?.region ?? "",
        cited_articles: answer.citations
          .map((c: { code: string; anchor: string }) => `${c.code}#${c.anchor}`)
          .join(" | "),
        conditions: answer.conditions.join(" | "),
        agreement: answer.text.agreement,
      });
    });
  });

  it("gives a dilemma with every region's answer and all published versions", async () => {
    const { dilemma } = rows<{ dilemma: string }>(
      `select d.slug as dilemma from answer_versions av join answers a on a.id = av.answer_id join dilemmas d on d.id = a.dilemma_id
       where av.version > 1 and av.published_at is not null limit 1`,
    )[0]!;
    const versions = rows<{ region: string; version: number }>(
      `select r.slug as region, av.version from answer_versions av join answers a on a.id = av.answer_id join dilemmas d on d.id = a.dilemma_id
       join regions r on r.id = a.region_id where d.slug = ? and av.published_at is not null and a.status = 'published' order by r.name, av.version desc`,
      dilemma,
    );
    const { response, body } = await get(`/api/dilemmas/${dilemma}`);
    expect(response.status).toBe(200);
    const document = JSON.parse(body);
    expect(document.schemaVersion).toBe(1);
    expect(document.dilemma.slug).toBe(dilemma);
    expect(
      document.answers.flatMap((a: { region: { slug: string }; versions: { version: number }[] }) =>
        a.versions.map((v) => ({ region: a.region.slug, version: v.version })),
      ),
    ).toEqual(versions);
    expect(body).not.toContain("createdBy");
  });

  it.each([
    ["/api/regios/bestaat-niet/afspraken.json", 404],
    ["/api/regios/bestaat-niet/afspraken.csv", 404],
    ["/api/regios/Zeeland/afspraken.json", 400],
    ["/api/regios/zee%20land/afspraken.csv", 400],
    ["/api/dilemmas/bestaat-niet", 404],
    ["/api/dilemmas/Hoofd_Letters", 400],
  ])("%s answers %i with a JSON error", async (path, status) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(body).error).toMatch(/bestaat niet|Ongeldig/);
  });
});

describe("never a 500", () => {
  it.each([
    "/vergelijk?regio=",
    "/vergelijk?regio[]=zeeland",
    "/vergelijk?thema=%00&sector=%FF",
    "/vergelijk?regio=zeeland&regio=zeeland",
    "/dilemmas/x/vergelijk?regio=&regio=",
    "/dilemmas/%E2%80%AE/vergelijk",
    "/regios/%2e%2e/spelregels",
    "/feeds/regios/%00.atom",
    "/feeds/themas/..%2f..%2fetc.atom",
    "/api/regios/%00/afspraken.json",
    "/api/dilemmas/%E0%A4%A",
  ])("%s", async (path) => {
    const { response } = await get(path);
    expect(response.status).toBeLessThan(500);
  });
});
