import type http from "node:http";

import { stopMailWorker } from "~/mail/mail-worker.server";
import { closeSearchIndex } from "~/search/search-cache.server";
import { getDb } from "~/utils/db.server";
import { lifecycle, noteActivity } from "./health.server";

export interface ShutdownOutcome {
  /** Requests still running when the grace period ran out (their connections were cut). */
  cutOff: boolean;
  milliseconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long nothing may happen before the listener closes. */
const QUIET_MS = 40;

/**
 * A graceful stop: readiness turns false and each answer closes its connection; the listener closes at
 * the first quiet moment, since connections not yet accepted are in flight for their clients. Quiet is
 * measured by the clock since the last connection, request or answer, not by sampling: a process busy
 * with one request after another only looks at its timers between them, where none is running (in a
 * cluster the primary hands a worker its next connection only as fast as the worker takes them).
 */
export async function shutDown(server: http.Server, graceMs: number): Promise<ShutdownOutcome> {
  const started = Date.now();
  const deadline = started + graceMs;
  lifecycle.phase = "draining";
  noteActivity();
  while (Date.now() < deadline && (lifecycle.inFlight > 0 || performance.now() - lifecycle.lastActivity < QUIET_MS))
    await sleep(10);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const cutOff = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), Math.max(0, deadline - Date.now())))),
  ]);
  clearTimeout(timer);
  if (cutOff) server.closeAllConnections();
  // The mail worker finishes the mail it is sending; what is left waits in the outbox for the next start.
  await stopMailWorker();
  await closeSearchIndex();
  const sqlite = getDb().$client;
  if (sqlite.open) {
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
  }
  return { cutOff, milliseconds: Date.now() - started };
}
