// Operating Leertuin: health and readiness for a load balancer, Prometheus metrics behind a token,
// one JSON log line per request without personal data, and a SIGTERM that lets writes in flight finish.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ServerProcess, startServerProcess } from "../../scripts/harness/server-process";
import { DEMO } from "../support/http";
import { BASE_DB, TMP_DIR } from "../support/paths";

const dir = path.join(TMP_DIR, `operations-${process.pid}`);
const METRICS_TOKEN = "metrics-token-for-the-test-0123456789";

async function serverOn(name: string, env: Record<string, string> = {}) {
  const database = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(BASE_DB, database);
  const log = path.join(dir, `${name}.log`);
  const server = await startServerProcess({ database, log, env: { METRICS_TOKEN, ...env } });
  return { server, database, log };
}

function post(server: ServerProcess, to: string, form: Record<string, string>, cookie = "") {
  return fetch(server.url + to, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
    body: new URLSearchParams(form),
  });
}

async function logIn(server: ServerProcess, email: string) {
  const response = await post(server, "/inloggen", { email, password: "leertuin-demo" });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("health, readiness, metrics and logs", () => {
  let server: ServerProcess;
  let log: string;
  beforeAll(async () => {
    ({ server, log } = await serverOn("observed"));
  });
  afterAll(() => server.stop());

  it("answers liveness and readiness as JSON that is never cached", async () => {
    for (const [path, status] of [
      ["/healthz", "ok"],
      ["/readyz", "ready"],
    ] as const) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(((await response.json()) as { status: string }).status).toBe(status);
    }
  });

  it("serves Prometheus metrics only with the token, labelled by route pattern", async () => {
    for (const path of ["/", "/", "/api/search?q=school", "/dilemmas/bestaat-niet"])
      await (await fetch(server.url + path)).text();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/leertuin_http_requests_total\{route="routes\/_index",method="GET",status="200"\} [2-9]/);
    expect(text).toMatch(/leertuin_http_request_duration_seconds_bucket\{le="0\.1",route="routes\/api\.search"/);
    expect(text).toMatch(
      /leertuin_http_requests_total\{route="routes\/dilemmas\.\$slug\._index",method="GET",status="404"\} 1/,
    );
    expect(text).toMatch(/leertuin_page_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(text).toContain("leertuin_search_index_rebuilding 0");
    expect(text).toContain("leertuin_storage_full_total 0");
    expect(text).toContain("leertuin_sqlite_busy_total 0");
    expect(text).toMatch(/leertuin_process_resident_memory_bytes \d+/);
    expect(text).toMatch(/leertuin_nodejs_eventloop_lag_seconds \d/);
  });

  it("writes one JSON line per request with its id, route, status, time and role, and no personal data", async () => {
    const cookie = await logIn(server, DEMO.facilitator);
    const page = await fetch(`${server.url}/zoeken?q=${encodeURIComponent("mevrouw Jansen huisarts")}`, {
      headers: { cookie },
    });
    const id = page.headers.get("x-request-id");
    expect(id).toMatch(/^[\w-]{36}$/);
    await (await fetch(`${server.url}/wachtwoord-herstellen/geheim-token-uit-de-mail`)).text();
    await (await fetch(`${server.url}/healthz`)).text();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines = fs
      .readFileSync(log, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{"));
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "request");
    const search = requests.find((l) => l.reqId === id);
    expect(search).toMatchObject({ route: "routes/zoeken", method: "GET", status: "200", role: "facilitator" });
    expect(typeof search!.ms).toBe("number");
    const all = lines.join("\n");
    expect(all).not.toContain(DEMO.facilitator);
    expect(all).not.toContain("Jansen");
    expect(all).not.toContain("geheim-token");
    expect(all).not.toContain("leertuin-demo");
    expect(requests.some((l) => l.route === "unmatched" || String(l.route).includes("healthz"))).toBe(false);
  });
});

describe("readiness", () => {
  it("is refused while starting and while draining, with the reason", async () => {
    const { lifecycle, serveReadiness } = await import("~/http/health.server");
    const { openDatabase } = await import("../../db/client.server");
    const db = openDatabase(BASE_DB);
    const answer = (phase: "starting" | "ready" | "draining", pending = 0) => {
      lifecycle.phase = phase;
      let status = 0;
      let body = "";
      const res = {
        writeHead(code: number) {
          status = code;
          return res;
        },
        end: (text: string) => (body = text),
      };
      serveReadiness({} as never, res as never, {
        db: () => db,
        migrationsPending: () => pending,
        searchIndexCurrent: () => true,
      });
      return { status, problems: (JSON.parse(body) as { problems: string[] }).problems };
    };
    try {
      expect(answer("starting")).toEqual({ status: 503, problems: ["starting"] });
      expect(answer("ready")).toEqual({ status: 200, problems: [] });
      expect(answer("ready", 2)).toEqual({ status: 503, problems: ["2 migrations pending"] });
      expect(answer("draining")).toEqual({ status: 503, problems: ["draining"] });
    } finally {
      db.$client.close();
    }
  });
});

describe("a SIGTERM under load", () => {
  it("lets every write in flight finish and be stored, and exits 0 in time", async () => {
    const { server, database, log } = await serverOn("drained", {
      POSTING_RATE_LIMIT: "100000",
      SHUTDOWN_GRACE_SECONDS: "10",
    });
    const cookie = await logIn(server, DEMO.member);
    const slug = (() => {
      const db = new Database(database, { readonly: true });
      try {
        return db
          .prepare("select slug from dilemmas where status = 'answered' order by id limit 1")
          .pluck()
          .get() as string;
      } finally {
        db.close();
      }
    })();

    const bodies = Array.from({ length: 40 }, (_, i) => `Afsluitproef ${i}: bij ons vragen we eerst toestemming.`);
    // Each write on a connection of its own, fully sent before the signal: in flight when it arrives.
    const sent: Promise<void>[] = [];
    const inFlight = bodies.map(
      (body) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const form = new URLSearchParams({ intent: "comment", body }).toString();
          const request = http.request(`${server.url}/dilemmas/${slug}`, {
            method: "POST",
            agent: false,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "content-length": Buffer.byteLength(form),
              origin: server.url,
              cookie,
            },
          });
          request.on("response", (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (text += chunk));
            response.on("end", () => resolve({ status: response.statusCode!, text }));
          });
          request.on("error", reject);
          sent.push(new Promise((done) => request.end(form, () => done())));
        }),
    );
    await Promise.all(sent);
    const signalled = Date.now();
    process.kill(server.pid, "SIGTERM");
    const answers = await Promise.all(inFlight);
    const code = await server.exited;
    const seconds = (Date.now() - signalled) / 1000;

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("Uw reactie is geplaatst");
    }
    const stoppedLine = /Stopped in \d+ ms[^\n]*/.exec(fs.readFileSync(log, "utf8"))?.[0];
    console.log(
      `SIGTERM with ${bodies.length} writes in flight: ${answers.filter((a) => a.status === 200).length} acknowledged, ` +
        `exit code ${code} after ${seconds.toFixed(2)} s; the server said: ${stoppedLine}`,
    );
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(10);
    const output = fs.readFileSync(log, "utf8");
    expect(output).toContain("SIGTERM: finishing the requests in flight");
    expect(output).toMatch(/Stopped in \d+ ms, every request answered/);

    const db = new Database(database, { readonly: true });
    try {
      const stored = new Set(db.prepare("select body_md from comments").pluck().all() as string[]);
      for (const body of bodies) expect(stored.has(body)).toBe(true);
      expect(fs.existsSync(`${database}-wal`) ? fs.statSync(`${database}-wal`).size : 0).toBe(0);
    } finally {
      db.close();
    }
  }, 60_000);
});
