import { describe, expect, it } from "vitest";

import { todayIso } from "~/utils/dates";
import { generateLibrary } from "../../scripts/generate-library";
import { httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);
const rows = http.sql;
const run = (sql: string, ...params: unknown[]) =>
  server
    .db()
    .$client.prepare(sql)
    .run(...params);

async function get(path: string) {
  const response = await http.get(path);
  return { response, html: await http.html(response) };
}

/** The part of a page from the element with this id up to the next h2 (the next section's heading). */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const next = html.indexOf("<h2", start);
  return html.slice(start, next === -1 ? undefined : next);
}

/** A region's answers in force on answered dilemmas, by title, as current_answer_versions gives them. */
const CURRENT = `select cv.id, cv.answer_id as answerId, cv.version, d.slug as dilemma, d.title, cv.review_by as reviewBy,
    (select dt.theme_slug from dilemma_themes dt where dt.dilemma_id = d.id order by dt.rowid limit 1) as theme
  from current_answer_versions cv join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id
  where r.slug = ? and d.status = 'answered' order by d.title, d.id`;
type Current = {
  id: number;
  answerId: number;
  version: number;
  dilemma: string;
  title: string;
  reviewBy: string | null;
  theme: string | null;
};

/** A published copy of a version as the next version of its answer, published at `publishedAt` (null: a draft). */
function addVersion(versionId: number, publishedAt: string | null) {
  run(
    `insert into answer_versions (answer_id, version, verdict, route, grounding_md, purpose_md, necessity_md, proportionality_md,
       agreement_md, conditions, agreed_on, agreed_by, published_at, origin)
     select answer_id, version + 1, verdict, route, grounding_md, purpose_md, necessity_md, proportionality_md, agreement_md,
       conditions, agreed_on, agreed_by, ?, 'app' from answer_versions where id = ?`,
    publishedAt,
    versionId,
  );
}

/** Enough generated answers that every region's list runs over several pages; one superseded, one withdrawn. */
function growLibrary() {
  generateLibrary(server.db(), 150);
  const [superseded, withdrawn] = rows<Current>(CURRENT, "zeeland");
  addVersion(superseded!.id, "2026-01-01T12:00:00.000Z");
  run(
    "update answers set status = 'withdrawn', withdrawn_reason = 'Vervangen door landelijke afspraak.' where id = ?",
    withdrawn!.answerId,
  );
  return { superseded: superseded!, withdrawn: withdrawn! };
}

const dilemmaLinks = (html: string) => [...html.matchAll(/href="\/dilemmas\/([a-z0-9-]+)\?regio=/g)].map((m) => m[1]!);

describe("the home page's recent outcomes", () => {
  it("are the newest versions in force, as current_answer_versions orders them: no superseded version, no withdrawn answer, no draft", async () => {
    const [a, b, c] = rows<{ id: number; answerId: number; version: number }>(
      "select id, answer_id as answerId, version from current_answer_versions order by id limit 3",
    );
    // a: its version in force is superseded by a newer one, both newer than anything else.
    run("update answer_versions set published_at = '2099-01-02T12:00:00.000Z' where id = ?", a!.id);
    addVersion(a!.id, "2099-01-03T12:00:00.000Z");
    // b: the newest of all, but its answer is withdrawn.
    run("update answer_versions set published_at = '2099-01-04T12:00:00.000Z' where id = ?", b!.id);
    run(
      "update answers set status = 'withdrawn', withdrawn_reason = 'Niet meer van toepassing.' where id = ?",
      b!.answerId,
    );
    // c: new, with a draft of its next version being written.
    run("update answer_versions set published_at = '2099-01-01T12:00:00.000Z' where id = ?", c!.id);
    addVersion(c!.id, null);

    const expected = rows<{ dilemma: string; region: string; version: number }>(
      `select d.slug as dilemma, r.slug as region, cv.version from current_answer_versions cv
       join dilemmas d on d.id = cv.dilemma_id join regions r on r.id = cv.region_id
       order by cv.published_at desc, cv.id desc limit 6`,
    ).map((o) => `/dilemmas/${o.dilemma}/afspraken/${o.region}/${o.version}`);
    const { response, html } = await get("/");
    expect(response.status).toBe(200);
    const shown = [...section(html, "recent-titel").matchAll(/href="(\/dilemmas\/[^"]+)"/g)].map((m) => m[1]!);
    expect(shown).toEqual(expected);

    const path = (id: number, version: number) => {
      const o = rows<{ dilemma: string; region: string }>(
        "select d.slug as dilemma, r.slug as region from answers a join dilemmas d on d.id = a.dilemma_id join regions r on r.id = a.region_id where a.id = ?",
        id,
      )[0]!;
      return `/dilemmas/${o.dilemma}/afspraken/${o.region}/${version}`;
    };
    expect(shown.slice(0, 2)).toEqual([path(a!.answerId, a!.version + 1), path(c!.answerId, c!.version)]);
    expect(shown).not.toContain(path(a!.answerId, a!.version));
    expect(shown).not.toContain(path(b!.answerId, b!.version));
  });
});

describe("the region page /regios/:slug", () => {
  it("lists the region's answers in force by title, 25 a page, and counts them as /regios does", async () => {
    const { superseded, withdrawn } = growLibrary();
    const expected = rows<Current>(CURRENT, "zeeland");
    expect(expected.length).toBeGreaterThan(50);
    const pageCount = Math.ceil(expected.length / 25);

    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const { response, html } = await get(`/regios/zeeland${page === 1 ? "" : `?pagina=${page}`}`);
      expect(response.status, `pagina ${page}`).toBe(200);
      expect(html).toContain(`${expected.length} afspraken, op titel — pagina ${page} van ${pageCount}`);
      const links = dilemmaLinks(section(html, "afspraken-titel"));
      expect(links, `pagina ${page}`).toEqual(expected.slice((page - 1) * 25, page * 25).map((a) => a.dilemma));
      seen.push(...links);
      if (page < pageCount)
        expect(html).toContain(
          `rel="next" data-discover="true" href="/regios/zeeland?pagina=${page + 1}#afspraken-titel"`,
        );
    }
    expect(seen).toEqual(expected.map((a) => a.dilemma));

    const first = await get("/regios/zeeland");
    expect(first.html).toMatch(new RegExp(`\\. ${expected.length} afspraken, \\d+ deelnemende organisaties\\.`));
    const row = (slug: string) =>
      new RegExp(`href="/dilemmas/${slug}\\?regio=zeeland#zeeland">[^<]*</a></th><td>.*?</td><td>(\\d+) \\(`);
    const onPage = (slug: string) => Math.floor(expected.findIndex((a) => a.dilemma === slug) / 25) + 1;
    const supersededPage = await get(`/regios/zeeland?pagina=${onPage(superseded.dilemma)}`);
    expect(row(superseded.dilemma).exec(supersededPage.html)?.[1]).toBe(String(superseded.version + 1));
    expect(expected.map((a) => a.dilemma)).not.toContain(withdrawn.dilemma);

    const regions = await get("/regios");
    const counted = rows<{ name: string; n: number }>(
      "select r.name, count(cv.id) as n from regions r left join current_answer_versions cv on cv.region_id = r.id group by r.id",
    );
    for (const { name, n } of counted)
      expect(regions.html).toMatch(
        new RegExp(`>${name}</a></th><td>[^<]*</td><td>[^<]*</td><td>\\d+</td><td>${n}</td>`),
      );
  });

  it("shows only the answers due for review on ?herziening=1, and a wrong page or filter is a 404", async () => {
    growLibrary();
    const all = rows<Current>(CURRENT, "zeeland");
    const due = [all[40]!, all[3]!, all[27]!];
    for (const answer of due) run("update answer_versions set review_by = '2020-01-01' where id = ?", answer.id);
    run("update answer_versions set review_by = '2999-01-01' where id = ?", all[5]!.id);
    const today = todayIso();
    const expected = rows<Current>(CURRENT, "zeeland").filter((a) => a.reviewBy !== null && a.reviewBy < today);
    expect(expected.map((a) => a.dilemma)).toEqual(expect.arrayContaining(due.map((a) => a.dilemma)));
    expect(expected.map((a) => a.dilemma)).not.toContain(all[5]!.dilemma);

    const { html } = await get("/regios/zeeland");
    expect(html).toContain(`<strong>${expected.length} afspraken zijn toe aan herziening</strong>`);
    expect(html).toContain('href="/regios/zeeland?herziening=1#afspraken-titel">Toon alleen deze afspraken</a>');
    const filtered = await get("/regios/zeeland?herziening=1");
    expect(filtered.response.status).toBe(200);
    expect(dilemmaLinks(section(filtered.html, "afspraken-titel"))).toEqual(expected.map((a) => a.dilemma));
    expect(filtered.html.match(/— toe aan herziening<\/strong>/g)).toHaveLength(expected.length);
    expect(filtered.html).toContain('href="/regios/zeeland#afspraken-titel">Toon alle afspraken</a>');
    expect(filtered.html).not.toContain('aria-label="Paginering"');

    const pages = Math.ceil(all.length / 25);
    for (const path of [
      `/regios/zeeland?pagina=${pages + 1}`,
      "/regios/zeeland?pagina=0",
      "/regios/zeeland?pagina=twee",
      "/regios/zeeland?herziening=1&pagina=2",
      "/regios/zeeland?herziening=ja",
    ]) {
      const { response, html } = await get(path);
      expect(response.status, path).toBe(404);
      expect(html, path).toContain("bestaat niet");
    }
  });

  it("names the answers in force taken over from other regions, and those others took over", async () => {
    const adoptions = rows<{ adopter: string; source: string; dilemma: string; version: number }>(
      `select ra.slug as adopter, rs.slug as source, d.slug as dilemma, src.version
       from current_answer_versions cv join answer_versions src on src.id = cv.adopted_from_version_id
       join answers sa on sa.id = src.answer_id join regions rs on rs.id = sa.region_id
       join regions ra on ra.id = cv.region_id join dilemmas d on d.id = cv.dilemma_id`,
    );
    expect(adoptions.length).toBeGreaterThan(0);
    for (const slug of new Set(adoptions.flatMap((a) => [a.adopter, a.source]))) {
      const { html } = await get(`/regios/${slug}`);
      const tookOver = section(html, "overgenomen-titel");
      const givenAway = section(html, "gedeeld-titel");
      const name = (region: string) =>
        rows<{ name: string }>("select name from regions where slug = ?", region)[0]!.name;
      for (const a of adoptions.filter((a) => a.adopter === slug)) {
        expect(tookOver).toMatch(
          new RegExp(`href="/dilemmas/${a.dilemma}">[^<]+</a> — van ${name(a.source)} \\(versie ${a.version}\\)`),
        );
      }
      for (const a of adoptions.filter((a) => a.source === slug)) {
        expect(givenAway).toMatch(new RegExp(`href="/dilemmas/${a.dilemma}">[^<]+</a> — door [^<]*${name(a.adopter)}`));
      }
      expect(tookOver.match(/<li>/g) ?? []).toHaveLength(adoptions.filter((a) => a.adopter === slug).length);
    }
  });
});

describe("the spelregels /regios/:slug/spelregels over several pages", () => {
  const labels = () =>
    new Map(rows<{ slug: string; label: string }>("select slug, label from themes").map((t) => [t.slug, t.label]));
  /** The document's order: main themes by label, each by title. */
  function documentOrder(answers: Current[]) {
    const label = labels();
    const themeLabel = (a: Current) => (a.theme === null ? "Overig" : label.get(a.theme)!);
    return answers
      .map((a, i) => ({ a, i }))
      .sort((x, y) => themeLabel(x.a).localeCompare(themeLabel(y.a), "nl") || x.i - y.i)
      .map(({ a }) => a);
  }
  const entries = (html: string) =>
    [...html.matchAll(/<h3 id="([a-z0-9-]+)" class="utrecht-heading-3">/g)].map((m) => m[1]!);

  it("holds every answer in force once, in order, 25 a page, with every main theme and its count in the contents", async () => {
    growLibrary();
    const expected = documentOrder(rows<Current>(CURRENT, "zeeland"));
    const pageCount = Math.ceil(expected.length / 25);
    expect(pageCount).toBeGreaterThan(2);
    const counts = new Map<string, number>();
    for (const a of expected) counts.set(a.theme ?? "overig", (counts.get(a.theme ?? "overig") ?? 0) + 1);

    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const { response, html } = await get(`/regios/zeeland/spelregels${page === 1 ? "" : `?pagina=${page}`}`);
      expect(response.status, `pagina ${page}`).toBe(200);
      expect(html).toContain(`${expected.length} afspraken, per thema. Pagina ${page} van ${pageCount}.`);
      const toc = /<nav aria-labelledby="inhoud-titel"[\s\S]*?<\/nav>/.exec(html)![0];
      for (const [theme, n] of counts) {
        expect(toc).toContain(`<a class="utrecht-link" href="/regios/zeeland/spelregels?thema=${theme}">`);
        expect(toc).toMatch(
          new RegExp(`thema=${theme}">[^<]+</a> <span class="rulebook__count">\\(${n} afspra(ak|ken)\\)`),
        );
      }
      const shown = entries(html);
      expect(shown, `pagina ${page}`).toEqual(expected.slice((page - 1) * 25, page * 25).map((a) => a.dilemma));
      for (const slug of shown) expect(toc).toContain(`<a class="utrecht-link" href="#${slug}">`);
      seen.push(...shown);
    }
    expect(seen).toEqual(expected.map((a) => a.dilemma));
    expect((await get(`/regios/zeeland/spelregels?pagina=${pageCount + 1}`)).response.status).toBe(404);
  });

  it("prints one main theme on its own with ?thema=, and an unknown theme is a 404", async () => {
    growLibrary();
    const all = documentOrder(rows<Current>(CURRENT, "zeeland"));
    const theme = all[0]!.theme!;
    const expected = all.filter((a) => a.theme === theme);
    const label = labels().get(theme)!;
    const { response, html } = await get(`/regios/zeeland/spelregels?thema=${theme}`);
    expect(response.status).toBe(200);
    expect(html).toContain(`<h1 class="utrecht-heading-1">Spelregels Leertuin Zeeland: ${label}</h1>`);
    expect(html).toContain(`met als hoofdthema ‘${label}’, zoals ze gelden op`);
    expect(entries(html)).toEqual(expected.slice(0, 25).map((a) => a.dilemma));
    expect(html.match(/<section aria-labelledby="thema-/g)).toHaveLength(1);
    expect(html).toContain('href="/regios/zeeland/spelregels">Alle thema\'s</a>');

    for (const path of [
      "/regios/zeeland/spelregels?thema=bestaat-niet",
      "/regios/zeeland/spelregels?thema=Signalen",
      `/regios/zeeland/spelregels?thema=${theme}&pagina=${Math.ceil(expected.length / 25) + 1}`,
      "/regios/zeeland/spelregels?pagina=0",
    ]) {
      expect((await get(path)).response.status, path).toBe(404);
    }
  });
});
