import crypto from "node:crypto";
import http, { type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";

import { withCachePolicy } from "./app/http/cache-policy.server";
import { clientAddress, expressTrustProxy } from "./app/http/client-address.server";
import { createPageCache } from "./app/http/page-cache.server";
import { setListeningPort } from "./app/http/public-origin.server";
import { loginRateLimit, postingRateLimit, registrationRateLimit } from "./app/http/rate-limits.server";
import { refuseWritesOnReplica } from "./app/http/replica.server";
import { limitBodySize, refuseCrossSiteWrites, refuseUnsupportedBodies } from "./app/http/request-guards.server";
import { searchIndexLagging } from "./app/http/search-lag.server";
import { startMailWorker, stopMailWorker } from "./app/mail/mail-worker.server";
import { claimDatabase } from "./app/utils/database-lock.server";
import { getDb } from "./app/utils/db.server";
import { getEnv } from "./app/utils/env.server";

const BUILD_PATH = path.resolve("build/index.js");

export async function loadBuild(): Promise<ServerBuild> {
  // The query string busts Node's module cache, so a rebuilt bundle is picked up in development.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

/**
 * What answers each request: the page cache first, then the Express app (request log, security
 * headers, compression, static assets, Remix). A visitor's cached page leaves before Express is
 * entered: it carries the headers of its render.
 */
export function createRequestListener(build: ServerBuild): RequestListener {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  // Whose X-Forwarded-* headers count: nobody's unless TRUST_PROXY names the proxy in front (README).
  app.set("trust proxy", expressTrustProxy(env.TRUST_PROXY));
  const logFormat = env.NODE_ENV === "test" ? null : production ? "combined" : "dev";
  const pageCache =
    env.PAGE_CACHE_MB > 0
      ? createPageCache({
          maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
          sqlite: () => getDb().$client,
          lagging: searchIndexLagging,
          onHit: logFormat ? logLine(logFormat) : undefined,
        })
      : null;

  // Remix reads the URL itself: Express need not parse every query string.
  app.set("query parser", false);
  if (logFormat) app.use(morgan(logFormat));
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
  app.post(["/inloggen", "/wachtwoord-herstellen/:token"], loginRateLimit);
  app.post("/registreren", registrationRateLimit);
  app.post(/^\/(?!inloggen$|registreren$|wachtwoord-herstellen\/|uitloggen$)/, postingRateLimit);
  app.use(compression());

  // Remix fingerprints everything below /build: cache it for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only a path that names a file (favicon.svg) can be in public/: pages skip a failing disk lookup each.
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));

  const handleRequest = createRequestHandler(build, build.mode);
  app.all("*", async (req, res, next) => {
    try {
      const response = withCachePolicy(
        req,
        await handleRequest(createRemixRequest(req, res), {
          cspNonce: res.locals.cspNonce as string,
          clientAddress: clientAddress(req),
        }),
      );
      if (!(await pageCache?.store(req, res, response))) await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  return pageCache ? (req, res) => pageCache.serve(req, res) || app(req, res) : app;
}

/** The client's address as TRUST_PROXY says to read it, also for a cached page's request, which Express never sees. */
morgan.token("remote-addr", (req: IncomingMessage & { ip?: string }) => clientAddress(req));

/**
 * morgan's line for a response sent before its middleware: a page from the cache logs the same line
 * without morgan's response hooks, which cost as much as the rest of sending it.
 */
function logLine(format: "combined" | "dev") {
  type Format = morgan.FormatFn<IncomingMessage, ServerResponse>;
  const named = (morgan as unknown as Record<string, string | Format>)[format]!;
  const line = typeof named === "string" ? morgan.compile<IncomingMessage, ServerResponse>(named) : named;
  const tokens = morgan as unknown as Parameters<Format>[0];
  return (req: IncomingMessage, res: ServerResponse) => {
    const text = line(tokens, req, res);
    if (text) process.stdout.write(`${text}\n`);
  };
}

/**
 * Starts the server and resolves with its address once it listens. The mail worker (app/mail/) runs
 * beside it unless `mailWorker: false` (tests of other things keep their database still).
 */
export async function startServer(options: { port?: number; host?: string; mailWorker?: boolean } = {}) {
  const env = getEnv();
  const build = await loadBuild();
  const listener = createRequestListener(build);
  const port = options.port ?? env.PORT;
  const host = options.host ?? env.HOST;
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = http.createServer(listener).listen(port, host, () => {
      // `npm run db:restore` refuses to replace a database while this file names a live process.
      const release = claimDatabase(env.DATABASE_PATH);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      setListeningPort(actualPort);
      if (options.mailWorker !== false) startMailWorker();
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
      });
    });
  });
}
