// The page cache on its own: a small Express app whose handler counts its renders.
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import express from "express";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { createPageCache, type PageCache, prefersGzip } from "~/http/page-cache.server";
import { sendRemixResponse } from "~/http/remix-express.server";

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-page-cache-")), "test.sqlite");
const sqlite = new Database(file);
sqlite.exec(
  "create table audit_log (id integer primary key autoincrement, action text not null); create table scratch (n integer)",
);
const write = () => sqlite.prepare("insert into audit_log (action) values ('test')").run();

let cache: PageCache;
let renders: number;
let lagging: boolean;
/** What the app answers; each test sets its own. */
let answer: (path: string) => Response;
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use((req, res, next) => cache.serve(req, res) || next());
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", `script-src 'nonce-render-${renders + 1}'`);
    next();
  });
  app.get("*", async (req, res) => {
    renders++;
    const response = answer(req.path);
    if (!(await cache.store(req, res, response))) await sendRemixResponse(res, response);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  sqlite.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

function freshCache(maxBytes = 1024 * 1024) {
  cache = createPageCache({ maxBytes, sqlite: () => sqlite, lagging: () => lagging });
}
beforeEach(() => {
  freshCache();
  renders = 0;
  lagging = false;
  answer = (path) =>
    new Response(`<p>${path} ${"x".repeat(2000)}</p>`, { headers: { "Content-Type": "text/html; charset=utf-8" } });
});
afterEach(() => vi.useRealTimers());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { redirect: "manual", headers: { "accept-encoding": "identity", ...headers } });

/** How many renders it takes to answer the path twice. */
async function rendersForTwo(path: string, headers: Record<string, string> = {}) {
  const before = renders;
  await (await get(path, headers)).text();
  await (await get(path, headers)).text();
  return renders - before;
}

describe("keeps", () => {
  it("a visitor's page, sent again with the headers of its render and a strong ETag", async () => {
    const first = await get("/a");
    const second = await get("/a");
    expect(renders).toBe(1);
    expect(second.headers.get("content-security-policy")).toBe("script-src 'nonce-render-1'");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate, no-transform");
    expect(await second.text()).toBe(await first.text());
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, stored: 1, entries: 1 });
  });

  it("JSON, feeds and CSV too, and a request with cookies other than the session's", async () => {
    for (const [i, type] of [
      "application/json",
      "application/atom+xml; charset=utf-8",
      "text/csv; charset=utf-8",
    ].entries()) {
      answer = () => new Response("{}", { headers: { "Content-Type": type } });
      expect(await rendersForTwo(`/type-${i}`), type).toBe(1);
    }
    expect(await rendersForTwo("/b", { cookie: "voorkeur=groot" })).toBe(1);
  });
});

describe("renders again", () => {
  it("after a write, and after another connection's write without an audit entry", async () => {
    await get("/a");
    write();
    await get("/a");
    expect(renders).toBe(2);
    const other = new Database(file);
    other.prepare("insert into scratch values (1)").run();
    other.close();
    await get("/a");
    expect(renders).toBe(3);
  });

  it("on a new day", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T23:59:00Z"));
    await get("/a");
    await get("/a");
    vi.setSystemTime(new Date("2026-03-02T00:01:00Z"));
    await get("/a");
    expect(renders).toBe(2);
  });

  it("when the oldest entry made room for newer ones", async () => {
    freshCache(3 * 4096);
    for (const path of ["/1", "/2", "/3", "/4", "/1"]) await (await get(path)).text();
    expect(renders).toBe(5);
    expect(cache.stats().bytes).toBeLessThanOrEqual(3 * 4096);
  });
});

describe("never keeps", () => {
  it("a member's request, one with credentials, nor anything sent while answers lag behind", async () => {
    expect(await rendersForTwo("/a", { cookie: "x=1; leertuin_sessie=abc" })).toBe(2);
    // The production name of the cookie, over HTTPS.
    expect(await rendersForTwo("/a2", { cookie: "__Host-leertuin_sessie=abc" })).toBe(2);
    expect(await rendersForTwo("/b", { authorization: "Bearer x" })).toBe(2);
    lagging = true;
    expect(await rendersForTwo("/c")).toBe(2);
  });

  it("a response with Set-Cookie, no-store or private, another status, or another type", async () => {
    const answers: Record<string, () => Response> = {
      "/cookie": () => new Response("<p>", { headers: { "Content-Type": "text/html", "Set-Cookie": "a=1" } }),
      "/no-store": () => new Response("<p>", { headers: { "Content-Type": "text/html", "Cache-Control": "no-store" } }),
      "/private": () =>
        new Response("<p>", { headers: { "Content-Type": "text/html", "Cache-Control": "private, max-age=60" } }),
      "/missing": () => new Response("<p>", { status: 404, headers: { "Content-Type": "text/html" } }),
      "/moved": () => new Response(null, { status: 302, headers: { Location: "/" } }),
      "/data": () => new Response("[]", { headers: { "Content-Type": "text/x-script" } }),
    };
    answer = (path) => answers[path]!();
    for (const path of Object.keys(answers)) expect(await rendersForTwo(path), path).toBe(2);
    expect(cache.stats().entries).toBe(0);
  });
});

describe("sends", () => {
  it("304 to a matching If-None-Match, gzip with its own ETag to who asks for it", async () => {
    const plain = await get("/a");
    const etag = plain.headers.get("etag")!;
    expect((await get("/a", { "if-none-match": etag, "cache-control": "max-age=0" })).status).toBe(304);
    expect((await get("/a", { "if-none-match": '"other"', "cache-control": "max-age=0" })).status).toBe(200);
    const zipped = await get("/a", { "accept-encoding": "gzip" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("etag")).not.toBe(etag);
    expect(await zipped.text()).toBe(await plain.text());
    expect(renders).toBe(1);
  });
});

describe("prefersGzip", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["*", true],
    ["gzip;q=0.5", true],
    ["GZIP", true],
    ["identity", false],
    ["gzip;q=0", false],
    ["identity;q=1, gzip;q=0.5", false],
    ["br", false],
    ["", false],
  ])("Accept-Encoding %j: %s", (header, expected) => {
    expect(prefersGzip(header)).toBe(expected);
  });
});
