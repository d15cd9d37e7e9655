// The page cache over HTTP: visitors get a kept copy with a strong ETag; a publish is seen at once.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient, publishForm } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const CACHE_CONTROL = "public, max-age=0, must-revalidate, no-transform";

/** fetch() asks for gzip unless told otherwise, and unpacks it. */
async function read(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { redirect: "manual", headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** A dilemma Zeeland has an answer in force for, so its facilitator can publish a revision. */
const zeelandAnswer = () =>
  http.one<{ slug: string; version: number }>(
    `select d.slug, v.version from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
     join regions r on r.id = v.region_id where r.slug = 'zeeland' order by d.slug limit 1`,
  )!;

describe("a visitor's pages", () => {
  it("are sent again from the cache with a strong ETag, and 304 when the ETag still holds", async () => {
    const first = await read("/dilemmas");
    const second = await read("/dilemmas");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe(CACHE_CONTROL);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(second.headers.get("etag")).toBe(etag);
    expect(second.body).toBe(first.body);

    // As a browser revalidates; without a Cache-Control of its own, fetch() adds "no-cache", which asks for a whole answer.
    const revalidated = await read("/dilemmas", { "if-none-match": etag, "cache-control": "max-age=0" });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
  });

  it("keep the CSP nonce of their render in both the header and the inline scripts", async () => {
    await read("/regios");
    const cached = await read("/regios");
    const nonce = /'nonce-([^']+)'/.exec(cached.headers.get("content-security-policy")!)![1]!;
    const inBody = [...cached.body.matchAll(/<script nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(inBody.length).toBeGreaterThan(0);
    expect(new Set(inBody)).toEqual(new Set([nonce]));
    expect(cached.headers.get("x-frame-options")).toBe("DENY");
  });

  it("are compressed once, with an ETag of their own", async () => {
    const plain = await read("/beroepscodes", { "accept-encoding": "identity" });
    const zipped = await fetch(`${server.url}/beroepscodes`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toBe("Accept-Encoding, Cookie");
    expect(zipped.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    expect(await zipped.text()).toBe(plain.body);
  });

  it("show a published revision at once, everywhere it appears, with new ETags", async () => {
    const { slug, version } = zeelandAnswer();
    const paths = [`/dilemmas/${slug}`, `/api/dilemmas/${slug}`, "/feeds/regios/zeeland.atom", "/regios/zeeland", "/"];
    const before = new Map<string, { etag: string; body: string }>();
    for (const path of paths) {
      await read(path);
      const cached = await read(path);
      expect(cached.status, path).toBe(200);
      before.set(path, { etag: cached.headers.get("etag")!, body: cached.body });
    }
    const agreement = "Bel eerst de ouders en daarna het wijkteam; zo staat het in de herziene afspraak.";
    const facilitator = await http.logIn(DEMO.facilitator);
    const published = await http.post(
      `/dilemmas/${slug}/afspraken/zeeland/bewerken`,
      publishForm(http, { agreement }),
      facilitator,
    );
    expect(published.headers.get("location")).toBe(`/dilemmas/${slug}/afspraken/zeeland/${version + 1}?gepubliceerd=1`);

    for (const path of paths) {
      const old = before.get(path)!;
      const after = await read(path, { "if-none-match": old.etag });
      expect(after.status, path).toBe(200);
      expect(after.headers.get("etag"), path).not.toBe(old.etag);
      expect(after.body, path).not.toBe(old.body);
    }
    expect((await read(`/dilemmas/${slug}`)).body).toContain("herziene afspraak");
    expect((await read(`/api/dilemmas/${slug}`)).body).toContain(agreement);
  });

  it("see a change another connection wrote, also without an audit entry", async () => {
    await read("/regios");
    server.db().$client.prepare("update regions set name = 'Zeeuwse Leertuin' where slug = 'zeeland'").run();
    expect((await read("/regios")).body).toContain("Zeeuwse Leertuin");
  });
});

describe("never from the cache", () => {
  it("a member's page: a fresh render with a fresh nonce every time", async () => {
    const member = await http.logIn(DEMO.member);
    const first = await read("/dilemmas", { cookie: member });
    const second = await read("/dilemmas", { cookie: member });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBeNull();
    expect(first.headers.get("cache-control")).not.toBe(CACHE_CONTROL);
    expect(second.headers.get("content-security-policy")).not.toBe(first.headers.get("content-security-policy"));
  });

  it("an error page, nor a redirect", async () => {
    for (const path of ["/dilemmas/bestaat-niet", "/account"]) {
      const response = await read(path);
      expect(response.status).not.toBe(200);
      expect(response.headers.get("etag")).toBeNull();
      expect((await read(path)).headers.get("cache-control")).not.toBe(CACHE_CONTROL);
    }
  });
});
