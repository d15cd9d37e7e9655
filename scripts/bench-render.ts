// npx tsx scripts/bench-render.ts <database> <path> [cookie] — milliseconds per render of one page with the
// Remix handler called in this process (no HTTP, no Express): what a loader and React cost, without the
// jitter of a load generator on a shared machine. RENDER_RUNS (300).
import { performance } from "node:perf_hooks";

process.env.NODE_ENV ??= "production";
const [database, page, cookie] = process.argv.slice(2);
if (!database || !page) throw new Error("usage: tsx scripts/bench-render.ts <database> <path> [cookie]");
process.env.DATABASE_PATH = database;
const runs = Number(process.env.RENDER_RUNS ?? 300);
const { loadBuild } = await import("../app/http/server.server");
const { createRequestHandler } = await import("@remix-run/node");
const { runWithRequestContext } = await import("../app/http/request-context.server");
const build = await loadBuild();
if (process.env.RENDER_WARM_SEARCH === "1") {
  const { warmSearchIndex } = await import("../app/search/search-cache.server");
  const { getDb } = await import("../app/utils/db.server");
  await warmSearchIndex(getDb());
}
const handle = createRequestHandler(build, "production");
const once = async () => {
  const request = new Request(`http://localhost${page}`, {
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}), "user-agent": "Mozilla/5.0 Chrome/126.0" },
  });
  const response = await runWithRequestContext({ id: "bench", role: "visitor" }, () =>
    handle(request, { cspNonce: "bench", clientAddress: "127.0.0.1" }),
  );
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
  return body.byteLength;
};
for (let i = 0; i < 50; i++) await once();
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  bytes = await once();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.floor(q * times.length)]!.toFixed(2);
console.log(
  `${page}: median ${at(0.5)} ms, p10 ${at(0.1)} ms, p90 ${at(0.9)} ms per render (${runs} runs, ${bytes} bytes)`,
);
process.exit(0);
