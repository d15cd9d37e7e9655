import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import client from "prom-client";

import { singleton } from "~/utils/singleton.server";
import { lifecycle } from "./health.server";

interface PageCacheSource {
  hits: number;
  misses: number;
  bytes: number;
}

/** The process's Prometheus metrics: one registry per process, surviving development rebuilds. */
export const metrics = singleton("metrics", () => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "leertuin_" });
  const sources = { pageCache: null as null | (() => PageCacheSource), searchLagging: () => false };
  const labelNames = ["route", "method", "status"] as const;
  new client.Counter({
    name: "leertuin_page_cache_lookups_total",
    help: "Visitor page cache lookups by result (hit, miss)",
    labelNames: ["result"] as const,
    registers: [registry],
    collect() {
      const stats = sources.pageCache?.();
      this.reset();
      if (!stats) return;
      this.inc({ result: "hit" }, stats.hits);
      this.inc({ result: "miss" }, stats.misses);
    },
  });
  new client.Gauge({
    name: "leertuin_page_cache_bytes",
    help: "Bytes held by the visitor page cache",
    registers: [registry],
    collect() {
      this.set(sources.pageCache?.().bytes ?? 0);
    },
  });
  new client.Gauge({
    name: "leertuin_http_requests_in_flight",
    help: "Requests being answered now",
    registers: [registry],
    collect() {
      this.set(lifecycle.inFlight);
    },
  });
  new client.Gauge({
    name: "leertuin_search_index_rebuilding",
    help: "1 while the search index is rebuilt behind the one that answers (search may miss the newest writes)",
    registers: [registry],
    collect() {
      this.set(sources.searchLagging() ? 1 : 0);
    },
  });
  return {
    registry,
    sources,
    requests: new client.Counter({
      name: "leertuin_http_requests_total",
      help: "HTTP requests by route pattern, method and status",
      labelNames,
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: "leertuin_http_request_duration_seconds",
      help: "Time to answer an HTTP request by route pattern (search: route=routes/api.search and routes/zoeken)",
      labelNames,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    storageFull: new client.Counter({
      name: "leertuin_storage_full_total",
      help: "Requests refused because the disk was full",
      registers: [registry],
    }),
    sqliteBusy: new client.Counter({
      name: "leertuin_sqlite_busy_total",
      help: "Requests that failed because SQLite stayed busy past its busy timeout",
      registers: [registry],
    }),
  };
});

export const observePageCache = (stats: () => PageCacheSource) => (metrics.sources.pageCache = stats);
export const observeSearchLag = (lagging: () => boolean) => (metrics.sources.searchLagging = lagging);

/** `/metrics`: Prometheus text, only with `Authorization: Bearer <METRICS_TOKEN>`; 404 when no token is set. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined) {
  res.setHeader("Cache-Control", "no-store");
  if (!token) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  if (!sameSecret(req.headers.authorization ?? "", `Bearer ${token}`)) {
    res
      .writeHead(401, { "Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": "Bearer" })
      .end("Unauthorized\n");
    return;
  }
  const body = await metrics.registry.metrics();
  res.writeHead(200, { "Content-Type": metrics.registry.contentType }).end(body);
}

const digest = (text: string) => crypto.createHash("sha256").update(text).digest();
const sameSecret = (given: string, expected: string) => crypto.timingSafeEqual(digest(given), digest(expected));
