// A Dutch public service by the book: the statements every page links to, the retention the privacy
// statement promises, security.txt (RFC 9116), robots.txt, the sitemap and the favicon.
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

import { platform } from "~/content/platform.server";
import { applyRetention } from "~/models/retention.server";
import { useTestServer } from "../support/test-server";

const server = useTestServer();

async function get(path: string) {
  const response = await fetch(server.url + path, { redirect: "manual" });
  const text = (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");
  return { response, text };
}

describe("statements", () => {
  it.each([
    [
      "/privacy",
      "Privacyverklaring",
      [platform().privacy.email, "730 dagen", "Autoriteit Persoonsgegevens", "argon2id"],
    ],
    ["/toegankelijkheid", "Toegankelijkheidsverklaring", ["C — eerste maatregelen genomen", "WCAG 2.1", "axe-core"]],
    ["/over", "Over Leertuin", [platform().operator.name, platform().operator.email, "gecoördineerde melding"]],
  ] as const)("%s says what it must, from content/platform.yml", async (path, title, phrases) => {
    const { response, text } = await get(path);
    expect(response.status).toBe(200);
    expect(text).toContain(`<title>${title} — Leertuin</title>`);
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it("links every statement from the footer of every page", async () => {
    for (const path of ["/", "/dilemmas", "/inloggen", "/bestaat-niet"]) {
      const { text } = await get(path);
      for (const href of ["/over", "/privacy", "/toegankelijkheid", "/api"])
        expect(text, path).toContain(`href="${href}"`);
    }
  });
});

describe("retention", () => {
  it("removes audit entries past the period, expired sessions and spent reset links, and keeps the rest", () => {
    const db = server.db();
    const sql = db.$client;
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const user = sql.prepare("select id from users order by id limit 1").pluck().get() as number;
    const before = sql.prepare("select count(*) from audit_log").pluck().get() as number;
    const audit = sql.prepare(
      "insert into audit_log (action, target_type, target_id, summary, created_at) values ('auth.login', 'user', '1', '', ?)",
    );
    audit.run(daysAgo(731));
    audit.run(daysAgo(800));
    audit.run(daysAgo(729));
    const session = sql.prepare("insert into sessions (id_hash, user_id, expires_at) values (?, ?, ?)");
    session.run("verlopen", user, daysAgo(1));
    session.run("geldig", user, daysAgo(-1));
    const reset = sql.prepare(
      "insert into password_resets (token_hash, user_id, expires_at, used_at) values (?, ?, ?, ?)",
    );
    reset.run("verlopen", user, daysAgo(1), null);
    reset.run("gebruikt", user, daysAgo(-1), daysAgo(0));
    reset.run("open", user, daysAgo(-1), null);

    const outcome = applyRetention(db, platform().retention.audit_log_days);

    expect(outcome).toEqual({ auditEntries: 2, sessions: 1, passwordResets: 2 });
    const cutoff = daysAgo(730);
    expect(sql.prepare("select count(*) from audit_log where created_at < ?").pluck().get(cutoff)).toBe(0);
    expect(sql.prepare("select count(*) from audit_log").pluck().get()).toBe(before + 1 + 1);
    expect(sql.prepare("select action from audit_log order by id desc limit 1").pluck().get()).toBe("system.retention");
    expect(sql.prepare("select id_hash from sessions where id_hash in ('verlopen', 'geldig')").pluck().all()).toEqual([
      "geldig",
    ]);
    expect(sql.prepare("select token_hash from password_resets").pluck().all()).toEqual(["open"]);
    expect(applyRetention(db, platform().retention.audit_log_days)).toEqual({
      auditEntries: 0,
      sessions: 0,
      passwordResets: 0,
    });
  });
});

describe("for machines", () => {
  it("serves /.well-known/security.txt per RFC 9116", async () => {
    const { response, text } = await get("/.well-known/security.txt");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const fields = new Map(
      text
        .trim()
        .split("\n")
        .map((line) => line.split(/: (.*)/s).slice(0, 2) as [string, string]),
    );
    expect(fields.get("Contact")).toBe(platform().security.contact);
    const expires = new Date(fields.get("Expires")!);
    expect(fields.get("Expires")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(expires.getTime()).toBeGreaterThan(Date.now());
    expect(fields.get("Canonical")).toBe(`${server.url}/.well-known/security.txt`);
    expect(fields.get("Preferred-Languages")).toBe("nl, en");
    expect(fields.get("Policy")).toBe(`${server.url}/over#beveiliging`);
  });

  it("keeps member and admin pages out of robots.txt and names the sitemap", async () => {
    const { response, text } = await get("/robots.txt");
    expect(response.status).toBe(200);
    for (const path of ["/account", "/beheer", "/meldingen", "/voorstellen", "/regios/*/agenda"])
      expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).not.toMatch(/Disallow: \/\n/);
    expect(text).toContain(`Sitemap: ${server.url}/sitemap.xml`);
  });

  it("lists every public dilemma, answer in force, code, region and its spelregels in the sitemap", async () => {
    const { response, text } = await get("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/xml");
    const parsed = new XMLParser().parse(text) as { urlset: { url: { loc: string; lastmod?: string }[] } };
    const locs = new Set(parsed.urlset.url.map((u) => u.loc));
    const sql = server.db().$client;
    const expected = [
      ...(sql.prepare("select slug from dilemmas where status = 'answered'").pluck().all() as string[]).map(
        (s) => `/dilemmas/${s}`,
      ),
      ...(
        sql
          .prepare(
            "select d.slug || '/afspraken/' || r.slug || '/' || c.version from current_answer_versions c join dilemmas d on d.id = c.dilemma_id join regions r on r.id = c.region_id where d.status = 'answered'",
          )
          .pluck()
          .all() as string[]
      ).map((p) => `/dilemmas/${p}`),
      ...(sql.prepare("select slug from codes").pluck().all() as string[]).map((s) => `/beroepscodes/${s}`),
      ...(sql.prepare("select slug from regions").pluck().all() as string[]).flatMap((s) => [
        `/regios/${s}`,
        `/regios/${s}/spelregels`,
      ]),
      "/",
      "/privacy",
    ];
    for (const path of expected) expect(locs.has(server.url + path), path).toBe(true);
    for (const loc of locs) expect(loc).not.toMatch(/\/(account|beheer|meldingen|voorstellen)/);
    const proposed = sql.prepare("select slug from dilemmas where status <> 'answered'").pluck().all() as string[];
    for (const slug of proposed) expect(locs.has(`${server.url}/dilemmas/${slug}`)).toBe(false);
    for (const url of parsed.urlset.url) if (url.lastmod) expect(url.lastmod).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("serves a favicon at /favicon.ico", async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
