import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";

import { loginRateLimit, postingRateLimit, registrationRateLimit } from "./app/http/rate-limits.server";
import { refuseWritesOnReplica } from "./app/http/replica.server";
import { limitBodySize, refuseCrossSiteWrites } from "./app/http/request-guards.server";
import { claimDatabase } from "./app/utils/database-lock.server";
import { getEnv } from "./app/utils/env.server";

const BUILD_PATH = path.resolve("build/index.js");

export async function loadBuild(): Promise<ServerBuild> {
  // The query string busts Node's module cache, so a rebuilt bundle is picked up in development.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

/** The Express app: security headers, compression, request log, static assets, then Remix. */
export function createApp(build: ServerBuild) {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", 1);

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
  app.use(refuseWritesOnReplica);
  app.post(["/inloggen", "/wachtwoord-herstellen/:token"], loginRateLimit);
  app.post("/registreren", registrationRateLimit);
  app.post(/^\/(?!inloggen$|registreren$|wachtwoord-herstellen\/|uitloggen$)/, postingRateLimit);
  app.use(compression());
  if (env.NODE_ENV !== "test") app.use(morgan(production ? "combined" : "dev"));

  // Remix fingerprints everything below /build: cache it for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );
  return app;
}

/** Starts the server and resolves with its address once it listens. */
export async function startServer(options: { port?: number; host?: string } = {}) {
  const env = getEnv();
  const build = await loadBuild();
  const app = createApp(build);
  const port = options.port ?? env.PORT;
  const host = options.host ?? env.HOST;
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = app.listen(port, host, () => {
      // `npm run db:restore` refuses to replace a database while this file names a live process.
      const release = claimDatabase(env.DATABASE_PATH);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://localhost:${actualPort}`,
        close: () => new Promise((done) => server.close(() => (release(), done()))),
      });
    });
  });
}
