import crypto from "node:crypto";
import http, { type RequestListener } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { LRUCache } from "lru-cache";

import { platform } from "~/content/platform.server";
import { withCachePolicy } from "~/http/cache-policy.server";
import { clientAddress, expressTrustProxy } from "~/http/client-address.server";
import { workerSlot } from "~/http/cluster.server";
import { lifecycle, noteActivity, serveLiveness, serveReadiness } from "~/http/health.server";
import { metrics, observePageCache, observeSearchLag, serveMetrics } from "~/http/metrics.server";
import { createPageCache } from "~/http/page-cache.server";
import { setListeningPort } from "~/http/public-origin.server";
import { loginRateLimit, postingRateLimit, registrationRateLimit } from "~/http/rate-limits.server";
import { createRemixRequest, sendRemixResponse } from "~/http/remix-express.server";
import { refuseWritesOnReplica } from "~/http/replica.server";
import { type RequestContext, requestIdOf, runWithRequestContext } from "~/http/request-context.server";
import { limitBodySize, refuseCrossSiteWrites, refuseUnsupportedBodies } from "~/http/request-guards.server";
import { shutDown, type ShutdownOutcome } from "~/http/shutdown.server";
import { STORAGE_FULL_RETRY_SECONDS, withStorageFullHandling } from "~/http/storage-full.server";
import { warmUpSearch } from "~/http/warm-up.server";
import { startMailWorker, stopMailWorker } from "~/mail/mail-worker.server";
import { applyRetention } from "~/models/retention.server";
import { searchIndexLagging } from "~/search/search-cache.server";
import { claimDatabase } from "~/utils/database-lock.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { pendingMigrations } from "../../db/client.server";

const BUILD_PATH = path.resolve("build/index.js");
const DAY_MS = 24 * 60 * 60 * 1000;

export async function loadBuild(): Promise<ServerBuild> {
  // The query string busts Node's module cache, so a rebuilt bundle is picked up in development.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

/**
 * What answers each request: health and metrics first (never logged at info, never cached), then the
 * page cache, then the Express app (security headers, compression, static assets, Remix). Every other
 * request gets an id (the `X-Request-Id` header), one log line and its metrics.
 */
export function createRequestListener(build: ServerBuild): RequestListener {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  // Whose X-Forwarded-* headers count: nobody's unless TRUST_PROXY names the proxy in front (README).
  app.set("trust proxy", expressTrustProxy(env.TRUST_PROXY));
  const pageCache =
    env.PAGE_CACHE_MB > 0
      ? createPageCache({
          maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
          sqlite: () => getDb().$client,
          lagging: searchIndexLagging,
        })
      : null;
  if (pageCache) observePageCache(() => pageCache.stats());
  observeSearchLag(searchIndexLagging);

  // Remix reads the URL itself: Express need not parse every query string.
  app.set("query parser", false);
  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: production ? ["'self'"] : ["'self'", "ws:"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
        },
      },
      strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: "deny" },
    }),
  );
  app.use(limitBodySize);
  app.use(refuseCrossSiteWrites);
  app.use(refuseUnsupportedBodies);
  app.use(refuseWritesOnReplica);
  // The code step of a two-factor log-in is part of logging in (failures also count per account).
  app.post(["/inloggen", "/inloggen/code", "/wachtwoord-herstellen/:token"], loginRateLimit);
  app.post("/registreren", registrationRateLimit);
  app.post(/^\/(?!inloggen$|inloggen\/code$|registreren$|wachtwoord-herstellen\/|uitloggen$)/, postingRateLimit);
  // Pages made per request (members'): level 3 is a third of level 6's time for 10% more bytes; the
  // page cache compresses visitors' pages once, at the default level.
  app.use(compression({ level: 3 }));

  // Remix fingerprints everything below /build: cache it for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only a path that names a file (favicon.svg) can be in public/: pages skip a failing disk lookup each.
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));

  const handleRequest = createRequestHandler(withStorageFullHandling(build), build.mode);
  app.all("*", async (req, res, next) => {
    try {
      const response = withCachePolicy(
        req,
        await handleRequest(createRemixRequest(req, res), {
          cspNonce: res.locals.cspNonce as string,
          clientAddress: clientAddress(req),
        }),
      );
      // Remix drops a thrown response's headers on a document request: a full disk still says when to retry.
      if ((response.status === 507 || response.status === 503) && !response.headers.has("Retry-After"))
        response.headers.set("Retry-After", String(STORAGE_FULL_RETRY_SECONDS));
      if (!(await pageCache?.store(req, res, response))) await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  const answer: RequestListener = pageCache ? (req, res) => pageCache.serve(req, res) || app(req, res) : app;
  const readiness = {
    db: getDb,
    migrationsPending: pendingMigrations,
    searchIndexCurrent: () => !searchIndexLagging(),
  };
  const routeOf = routeLabeler(build);
  const log = logger();
  // Which cluster worker answered (WEB_CONCURRENCY > 1): for the operator and the cluster test.
  const worker = workerSlot();

  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0]!;
    if (path === "/healthz") return serveLiveness(req, res);
    if (path === "/readyz") return serveReadiness(req, res, readiness);
    if (path === "/metrics") return void serveMetrics(req, res, env.METRICS_TOKEN);
    const context: RequestContext = { id: requestIdOf(req), role: "visitor" };
    res.setHeader("X-Request-Id", context.id);
    if (worker !== null) res.setHeader("X-Worker", String(worker));
    // While draining, a kept-alive connection is told to close after this answer.
    if (lifecycle.phase === "draining") res.setHeader("Connection", "close");
    const started = process.hrtime.bigint();
    lifecycle.inFlight++;
    noteActivity();
    res.once("close", () => {
      lifecycle.inFlight--;
      noteActivity();
    });
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { route: routeOf(path), method: req.method ?? "GET", status: String(res.statusCode) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
      // The route's pattern, never the path: a path can hold a reset token, a query string free text.
      log.info({ reqId: context.id, ...labels, ms: Math.round(seconds * 10_000) / 10, role: context.role }, "request");
    });
    runWithRequestContext(context, () => answer(req, res));
  };
}

/** The route a path reaches as its id (`routes/dilemmas.$slug._index`): a bounded label for metrics and logs. */
function routeLabeler(build: ServerBuild) {
  type Node = { id: string; path?: string; index?: boolean; children: Node[] };
  const nodes = new Map<string, Node>();
  for (const route of Object.values(build.routes))
    nodes.set(route.id, { id: route.id, path: route.path, index: route.index, children: [] });
  const roots: Node[] = [];
  for (const route of Object.values(build.routes)) {
    const parent = route.parentId ? nodes.get(route.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(route.id)!);
  }
  // Matching flattens and ranks every route again: the label of a path is worked out once.
  const labels = new LRUCache<string, string>({ max: 5000 });
  return (path: string) => {
    if (path.startsWith("/build/") || /\.\w+$/.test(path)) return "static";
    let label = labels.get(path);
    if (label === undefined) {
      const matches = matchRoutes(roots as Parameters<typeof matchRoutes>[0], path);
      label = (matches?.at(-1)?.route as Node | undefined)?.id ?? "unmatched";
      labels.set(path, label);
    }
    return label;
  };
}

/**
 * Starts the server and resolves with its address once it listens. The mail worker (app/mail/) runs
 * beside it unless `mailWorker: false` (tests of other things keep their database still).
 */
export async function startServer(
  options: { port?: number; host?: string; mailWorker?: boolean; claimDatabase?: boolean; warmUp?: boolean } = {},
) {
  const env = getEnv();
  const build = await loadBuild();
  const listener = createRequestListener(build);
  // npm start: the first searches after a start should not wait for compiled code (app/http/warm-up.server.ts).
  if (options.warmUp) await warmUpSearch(build);
  const port = options.port ?? env.PORT;
  const host = options.host ?? env.HOST;
  return new Promise<{ url: string; close: () => Promise<void>; shutDown: () => Promise<ShutdownOutcome> }>(
    (resolve) => {
      const server = http
        .createServer(listener)
        .on("connection", noteActivity)
        .listen(port, host, () => {
          // `npm run db:restore` refuses to replace a database while this file names a live process.
          // In a cluster the primary holds it (scripts/serve.ts), not each worker.
          const release = options.claimDatabase === false ? () => {} : claimDatabase(env.DATABASE_PATH);
          // The privacy statement's retention periods, applied daily (and at start, by prepareDatabase).
          const retention = setInterval(() => applyRetention(getDb(), platform().retention.audit_log_days), DAY_MS);
          retention.unref();
          server.once("close", () => clearInterval(retention));
          const address = server.address();
          const actualPort = typeof address === "object" && address ? address.port : port;
          setListeningPort(actualPort);
          if (options.mailWorker !== false) startMailWorker();
          lifecycle.phase = "ready";
          resolve({
            url: `http://localhost:${actualPort}`,
            close: () =>
              new Promise((done) =>
                server.close(() => {
                  void stopMailWorker().finally(() => {
                    release();
                    done();
                  });
                }),
              ),
            shutDown: async () => {
              const outcome = await shutDown(server, env.SHUTDOWN_GRACE_SECONDS * 1000);
              release();
              return outcome;
            },
          });
        });
    },
  );
}
