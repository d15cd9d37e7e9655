// WEB_CONCURRENCY=2: two worker processes on one port. A write through one worker is seen through
// the other at once (page cache, search index, a member's page), and a SIGTERM drains both.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ServerProcess, startServerProcess } from "../../scripts/harness/server-process";
import { DEMO, publishForm } from "../support/http";
import { BASE_DB, TMP_DIR } from "../support/paths";

const dir = path.join(TMP_DIR, `cluster-${process.pid}`);

interface Answer {
  status: number;
  worker: string | undefined;
  location: string | undefined;
  cookie: string | undefined;
  body: string;
}

/** One request on a connection of its own: node:cluster hands each new connection to the next worker. */
function request(server: ServerProcess, to: string, options: { cookie?: string; form?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(`${server.url}${to}`, {
      method: options.form === undefined ? "GET" : "POST",
      agent: false,
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.form === undefined
          ? {}
          : {
              "content-type": "application/x-www-form-urlencoded",
              "content-length": Buffer.byteLength(options.form),
              origin: server.url,
            }),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          worker: res.headers["x-worker"] as string | undefined,
          location: res.headers.location,
          cookie: res.headers["set-cookie"]?.[0]?.split(";")[0],
          body,
        }),
      );
    });
    req.on("error", reject);
    req.end(options.form);
  });
}

/** The same GET until both workers have answered it; their answers by worker. */
async function fromBothWorkers(server: ServerProcess, to: string, cookie?: string) {
  const answers = new Map<string, Answer>();
  for (let i = 0; i < 40 && answers.size < 2; i++) {
    const answer = await request(server, to, { cookie });
    expect(answer.status, to).toBe(200);
    expect(answer.worker, `${to} names the worker that answered`).toMatch(/^[12]$/);
    answers.set(answer.worker!, answer);
  }
  expect([...answers.keys()].sort(), `${to} answered by both workers`).toEqual(["1", "2"]);
  return answers;
}

async function startCluster(name: string, env: Record<string, string> = {}) {
  const database = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(BASE_DB, database);
  const log = path.join(dir, `${name}.log`);
  const server = await startServerProcess({
    database,
    log,
    env: { WEB_CONCURRENCY: "2", POSTING_RATE_LIMIT: "100000", ...env },
  });
  return { server, database, log };
}

const readOnly = <T>(database: string, read: (db: Database.Database) => T) => {
  const db = new Database(database, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

async function logIn(server: ServerProcess, email: string) {
  const answer = await request(server, "/inloggen", {
    form: new URLSearchParams({ email, password: "leertuin-demo" }).toString(),
  });
  expect(answer.status).toBe(302);
  return answer.cookie!;
}

beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("two workers on one port", () => {
  let server: ServerProcess;
  let database: string;
  let log: string;
  beforeAll(async () => {
    ({ server, database, log } = await startCluster("shared"));
  }, 120_000);
  afterAll(() => server?.stop());

  it("see a revision published through either worker at once: visitors' pages, search and members' pages", async () => {
    const { slug, version } = readOnly(
      database,
      (db) =>
        db
          .prepare(
            `select d.slug, v.version from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
             join regions r on r.id = v.region_id where r.slug = 'zeeland' order by d.slug limit 1`,
          )
          .get() as { slug: string; version: number },
    );
    const marker = "kwartelkoningafspraak";
    const search = `/api/search?q=${marker}`;
    const member = await logIn(server, DEMO.member);
    // Each worker renders and keeps the page, and answers the search, before the write.
    for (const answer of (await fromBothWorkers(server, `/dilemmas/${slug}`)).values())
      expect(answer.body).not.toContain(marker);
    for (const answer of (await fromBothWorkers(server, `/dilemmas/${slug}`, member)).values())
      expect(answer.body).not.toContain(marker);
    for (const answer of (await fromBothWorkers(server, search)).values())
      expect(JSON.parse(answer.body).results).toEqual([]);

    const facilitator = await logIn(server, DEMO.facilitator);
    const sql = <T>(query: string, ...params: unknown[]) =>
      readOnly(database, (db) => db.prepare(query).all(...params) as T[]);
    const form = publishForm({ sql }, { agreement: `Bel eerst de ouders; zo staat het in de ${marker}.` });
    const published = await request(server, `/dilemmas/${slug}/afspraken/zeeland/bewerken`, {
      cookie: facilitator,
      form: form.toString(),
    });
    expect(published.location).toBe(`/dilemmas/${slug}/afspraken/zeeland/${version + 1}?gepubliceerd=1`);

    for (const answer of (await fromBothWorkers(server, `/dilemmas/${slug}`)).values())
      expect(answer.body, `visitor, worker ${answer.worker}`).toContain(marker);
    for (const answer of (await fromBothWorkers(server, `/dilemmas/${slug}`, member)).values())
      expect(answer.body, `member, worker ${answer.worker}`).toContain(marker);
    for (const answer of (await fromBothWorkers(server, search)).values()) {
      const results = JSON.parse(answer.body).results as { url: string }[];
      expect(
        results.some((r) => r.url.includes(slug)),
        `search, worker ${answer.worker}`,
      ).toBe(true);
    }
    expect(fs.readFileSync(log, "utf8")).toContain("2 workers");
  }, 60_000);
});

describe("a SIGTERM to the primary", () => {
  it("lets both workers finish every write in flight, then exits 0", async () => {
    const { server, database, log } = await startCluster("drained");
    const cookie = await logIn(server, DEMO.member);
    const slug = readOnly(
      database,
      (db) =>
        db.prepare("select slug from dilemmas where status = 'answered' order by id limit 1").pluck().get() as string,
    );
    const bodies = Array.from({ length: 30 }, (_, i) => `Clusterproef ${i}: bij ons vragen we eerst toestemming.`);
    const inFlight = bodies.map((body) =>
      request(server, `/dilemmas/${slug}`, {
        cookie,
        form: new URLSearchParams({ intent: "comment", body }).toString(),
      }),
    );
    // Let the requests reach the workers before the signal.
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(server.pid, "SIGTERM");
    const answers = await Promise.all(inFlight);
    const code = await server.exited;

    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set(["1", "2"]));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("Uw reactie is geplaatst");
    }
    expect(code).toBe(0);
    const output = fs.readFileSync(log, "utf8");
    expect(output).toMatch(/Worker 1: Stopped in \d+ ms, every request answered/);
    expect(output).toMatch(/Worker 2: Stopped in \d+ ms, every request answered/);
    expect(output).toMatch(/Stopped in \d+ ms, every request answered \(2 workers\)/);
    const stored = readOnly(database, (db) => new Set(db.prepare("select body_md from comments").pluck().all()));
    for (const body of bodies) expect(stored.has(body)).toBe(true);
  }, 120_000);
});
