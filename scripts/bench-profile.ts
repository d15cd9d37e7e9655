// npm run bench:profile — where a page's time goes: the production server under `node --cpu-prof` on a
// generated library, autocannon on one page, then the profile's self time summed per function and per
// package or app folder. PROFILE_SIZE (10000), PROFILE_PAGE (member: a member's dilemma page; or a path,
// fetched as a member, or as a visitor with PROFILE_VISITOR=1 and the page cache off), PROFILE_SECONDS
// (10), PROFILE_TOP (25). The library is kept in the system's temp
// folder between runs (leertuin-profile-<size>.sqlite); the .cpuprofile stays in bench-results/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { buildIfNeeded, SERVER_NODE_FLAGS } from "./build.mjs";
import { createBenchLibrary, fullestDilemma, logIn, startChild, stopChild } from "./harness/bench-server";

const SIZE = Number(process.env.PROFILE_SIZE ?? 10_000);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
const PAGE = process.env.PROFILE_PAGE ?? "member";
const VISITOR = process.env.PROFILE_VISITOR === "1";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package>, app/<folder>, build/…, node:<internal> or (program/idle/gc). */
function areaOf(url: string, name: string) {
  if (!url) return `(${name || "native"})`;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return url;
  const app = url.match(/\/(app\/[^/]+|build\/[^/]+|server\.ts|db\/[^/]+)/);
  return app ? app[1]! : url.replace(/^file:\/\//, "");
}

/** Self time per function and per area, of the samples in the last `seconds` before the process stopped. */
export function summarise(profile: Profile, top: number, seconds: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  // The start (migrations, warm-up) and the shutdown are left out: only the measured load counts.
  const from = profile.endTime - (seconds + 0.5) * 1e6;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    const key = `${functionName || "(anonymous)"} ${area}${url ? `:${lineNumber + 1}` : ""}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
    areas.set(area, (areas.get(area) ?? 0) + micros);
  }
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`);
  return [
    `self time by package or app folder (${(total / 1e6).toFixed(1)} s sampled):`,
    ...lines(areas),
    "",
    "self time by function:",
    ...lines(functions),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIfNeeded();
  const file = path.join(os.tmpdir(), `leertuin-profile-${SIZE}.sqlite`);
  const slug = fs.existsSync(file) ? fullestDilemma(file) : await createBenchLibrary(file, SIZE);
  const profiles = fs.mkdtempSync(path.join(os.tmpdir(), "leertuin-cpuprofile-"));
  const server = await startChild(
    [...SERVER_NODE_FLAGS, "scripts/start.mjs"],
    {
      ...process.env,
      NODE_ENV: "production",
      LEERTUIN_DEMO: "1",
      DATABASE_PATH: file,
      PORT: "0",
      HOST: "127.0.0.1",
      ...(VISITOR ? { PAGE_CACHE_MB: "0" } : {}),
    },
    /Leertuin runs at (http:\/\/\S+)/,
    path.join(profiles, "server.log"),
    ["--cpu-prof", `--cpu-prof-dir=${profiles}`],
  );
  const base = server.match[1]!.replace("localhost", "127.0.0.1");
  const cookie = await logIn(base, "lid.zeeland@leertuin.test");
  const url = base + (PAGE === "member" ? `/dilemmas/${slug}` : PAGE);
  const headers = {
    accept: "text/html",
    "accept-encoding": "gzip",
    "user-agent": "Mozilla/5.0 Chrome/126.0",
    ...(VISITOR ? {} : { cookie }),
  };
  await autocannon({ url, headers, connections: 10, duration: 2 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const result = await autocannon({ url, headers, connections: 10, duration: SECONDS });
  await stopChild(server.child);
  const written = fs.readdirSync(profiles).filter((name) => name.endsWith(".cpuprofile"));
  if (written.length === 0)
    throw new Error(`no profile written; server log:\n${fs.readFileSync(path.join(profiles, "server.log"), "utf8")}`);
  fs.mkdirSync("bench-results", { recursive: true });
  const kept = path.join("bench-results", `profile-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  fs.copyFileSync(path.join(profiles, written[0]!), kept);
  fs.rmSync(profiles, { recursive: true, force: true });
  console.log(
    `${PAGE === "member" ? `member /dilemmas/${slug}` : PAGE} at ${SIZE} dilemmas: ${Math.round(result.requests.average)} req/s, ` +
      `p50 ${result.latency.p50} ms, ${result.non2xx} non-2xx, ${result.requests.total} requests (profile: ${kept})\n`,
  );
  console.log(summarise(JSON.parse(fs.readFileSync(kept, "utf8")) as Profile, TOP, SECONDS));
}
