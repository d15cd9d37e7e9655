import type { IncomingMessage, ServerResponse } from "node:http";

import type { Db } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";

export type Phase = "starting" | "ready" | "draining";

/**
 * Where the process is in its life: readiness is false until it serves, and again once it drains.
 * `lastActivity` (performance.now()) is the last connection, request or answer: a stop waits for a
 * stretch without any (shutdown.server.ts).
 */
export const lifecycle = singleton("lifecycle", () => ({ phase: "starting" as Phase, inFlight: 0, lastActivity: 0 }));

/** A connection came in, or a request started or ended. */
export const noteActivity = () => void (lifecycle.lastActivity = performance.now());

export interface ReadinessChecks {
  db: () => Db;
  /** Migrations in the folder against those recorded in the database. */
  migrationsPending: (db: Db) => number;
  searchIndexCurrent: () => boolean;
}

const send = (res: ServerResponse, status: number, body: unknown) =>
  res
    .writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" })
    .end(JSON.stringify(body));

/** `/healthz`: the process answers. */
export function serveLiveness(_req: IncomingMessage, res: ServerResponse) {
  send(res, 200, { status: "ok" });
}

/** `/readyz`: the database answers, its migrations are applied, the search index is current, not draining. */
export function serveReadiness(_req: IncomingMessage, res: ServerResponse, checks: ReadinessChecks) {
  const problems: string[] = [];
  if (lifecycle.phase !== "ready") problems.push(lifecycle.phase);
  try {
    const db = checks.db();
    db.$client.prepare("select 1").get();
    const pending = checks.migrationsPending(db);
    if (pending > 0) problems.push(`${pending} migrations pending`);
  } catch (error) {
    problems.push(`database: ${(error as Error).message}`);
  }
  if (!checks.searchIndexCurrent()) problems.push("search index rebuilding");
  send(res, problems.length ? 503 : 200, { status: problems.length ? "unavailable" : "ready", problems });
}
