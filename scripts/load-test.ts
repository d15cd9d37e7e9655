// npm run test:load — mixed traffic against the production server on a fresh demo database, then:
// no 5xx, and every write the server acknowledged is in the database with its content.
//   LOAD_SECONDS (60), LOAD_CONNECTIONS (200)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { z } from "zod";

import { backupDatabase, databaseProblems } from "../db/backup.server";
import { buildIfNeeded } from "./build.mjs";
import { startServerProcess } from "./harness/server-process";
import { accountForRun, ACCOUNTS, Client, pick, readLibrary, Stats, type Step, weighted } from "./harness/workload";

const options = z
  .object({
    LOAD_SECONDS: z.coerce.number().positive().default(60),
    LOAD_CONNECTIONS: z.coerce.number().int().positive().default(200),
  })
  .parse(process.env);

const SEARCH_WORDS = [
  "school",
  "veilig thuis",
  "toestemming",
  "wijkteam",
  "politie",
  "huisarts",
  "zorgen",
  "avg",
  "jeugdhulp",
];
/** Peak resident memory of the server: the process and, with WEB_CONCURRENCY > 1, each of its workers. */
const peakMemoryMb = (pid: number) => {
  const peak = (id: number) =>
    Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0);
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const kb = [pid, ...children.map(Number)].map(peak);
    const mb = (n: number) => `${Math.round(n / 1024)} MB`;
    return kb.length > 1 ? `${mb(kb.reduce((a, b) => a + b, 0))} (${kb.map(mb).join(" + ")})` : mb(kb[0]!);
  } catch {
    return "unknown";
  }
};
buildIfNeeded();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-load-"));
const database = path.join(dir, "leertuin.sqlite");
const log = path.join(dir, "server.log");
console.log(
  `Load test: ${options.LOAD_SECONDS} s at ${options.LOAD_CONNECTIONS} connections; database and server log in ${dir}`,
);

// Log-in failures are part of the traffic: raise the per-address limit for this one client address.
const server = await startServerProcess({
  database,
  log,
  env: { LOGIN_RATE_LIMIT: "1000000", POSTING_RATE_LIMIT: "1000000" },
});
console.log(
  `Server ${server.pid} answered after ${server.startMs} ms (fresh database: migrate, import, demo accounts, search index).`,
);
const library = readLibrary(database);
const client = new Client(server.url, library);
const sessions = async (accounts: readonly { email: string; region: string }[]) =>
  Promise.all(
    accounts.flatMap((a) => [1, 2, 3].map(async () => ({ region: a.region, cookie: await client.logIn(a.email) }))),
  );
const members = await sessions(ACCOUNTS.members);
const facilitators = await sessions(ACCOUNTS.facilitators);

/** The traffic mix, by weight: visitors 61, members 22, facilitators 10, log-ins 3. */
const MIX: [number, Step][] = [
  [10, () => client.request("visitor /", "/")],
  [8, () => client.request("visitor /dilemmas", "/dilemmas")],
  [20, () => client.request("visitor dilemma", `/dilemmas/${pick(library.answered)}`)],
  [8, () => client.request("visitor /zoeken", `/zoeken?q=${encodeURIComponent(pick(SEARCH_WORDS))}`)],
  [8, () => client.request("visitor /api/search", `/api/search?q=${encodeURIComponent(pick(SEARCH_WORDS))}`)],
  [4, () => client.request("visitor region", `/regios/${pick(library.regions)}`)],
  [3, () => client.request("visitor /vergelijk", "/vergelijk")],
  [8, () => client.request("member dilemma", `/dilemmas/${pick(library.answered)}`, { cookie: pick(members).cookie })],
  [2, () => client.request("member /meldingen", "/meldingen", { cookie: pick(members).cookie })],
  [8, () => client.comment(pick(members).cookie)],
  [4, () => (({ cookie, region }) => client.propose(cookie, region))(pick(members))],
  [5, () => (({ cookie, region }) => client.publish(cookie, region))(pick(facilitators))],
  [5, () => (({ cookie, region }) => client.accept(cookie, region))(pick(facilitators))],
  [
    2,
    () =>
      client.request("log-in", "/inloggen", {
        form: new URLSearchParams({ email: pick(ACCOUNTS.members).email, password: "leertuin-demo" }),
      }),
  ],
  [
    1,
    () =>
      client.request("log-in (wrong password)", "/inloggen", {
        form: new URLSearchParams({ email: pick(ACCOUNTS.members).email, password: "fout" }),
      }),
  ],
];
const nextRequest = weighted(MIX);

const stats = new Stats();
const started = performance.now();
const end = started + options.LOAD_SECONDS * 1000;
let backupLine = "not taken";
let backupOk = false;
const backupAt = setTimeout(
  async () => {
    try {
      const backup = await backupDatabase(database, { dir: path.join(dir, "backups"), keep: 2 });
      const problems = databaseProblems(backup.file);
      backupOk = problems.length === 0;
      backupLine = `${(backup.bytes / 1024 / 1024).toFixed(1)} MB in ${backup.milliseconds} ms halfway through, integrity ${backupOk ? "ok" : problems.join("; ")}`;
    } catch (error) {
      backupLine = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  },
  (options.LOAD_SECONDS * 1000) / 2,
);

await Promise.all(
  Array.from({ length: options.LOAD_CONNECTIONS }, async () => {
    while (performance.now() < end) {
      const outcome = await nextRequest()();
      for (const o of [outcome].flat()) stats.add(o);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
clearTimeout(backupAt);
const memory = peakMemoryMb(server.pid);
await server.stop();

const { found, missing, acked, unacknowledged, problems } = accountForRun(database, stats.acks, client.marker.run);
const fiveXx = stats.count("5xx");
const errors = stats.count("error");
const pass = fiveXx === 0 && errors === 0 && missing.length === 0 && problems.length === 0 && backupOk;

console.log("");
console.log(stats.table());
console.log("");
console.log(
  `${stats.total} requests in ${seconds.toFixed(1)} s: ${(stats.total / seconds).toFixed(0)} req/s, ${fiveXx} 5xx, ${errors} network errors; server peak memory ${memory}`,
);
console.log(
  `Acknowledged writes: ${acked.comment} comments, ${acked.proposal} proposals, ${acked.publish} published answer versions, ${acked.accept} proposals put on the agenda`,
);
console.log(
  `Found in the database with their content: ${found.comment}/${acked.comment} comments, ${found.proposal}/${acked.proposal} proposals, ${found.publish}/${acked.publish} versions (with audit entry), ${found.accept}/${acked.accept} agenda decisions`,
);
console.log(`Stored without an acknowledgement: ${unacknowledged}`);
console.log(`Backup while under load: ${backupLine}`);
console.log(
  `Integrity and consistency: ${problems.length === 0 ? "ok (integrity_check, foreign keys, no half-published answer)" : problems.join("; ")}`,
);
for (const line of missing.slice(0, 20)) console.log(`  missing: ${line}`);
console.log(pass ? "LOAD TEST PASSED" : `LOAD TEST FAILED (kept ${dir})`);
if (pass) fs.rmSync(dir, { recursive: true, force: true });
process.exit(pass ? 0 : 1);
