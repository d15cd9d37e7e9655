import cluster, { type Worker } from "node:cluster";

import { z } from "zod";

/**
 * WEB_CONCURRENCY > 1: the primary process (scripts/serve.ts) migrates and imports first, then forks
 * that many workers that share one port (node:cluster hands each new connection to the next worker).
 * Every worker opens the database itself (SQLite in WAL mode takes readers and one writer at a time
 * across processes) and keeps its own page cache and its own copy of the search index, each following
 * the database as a single process does: the audit log and PRAGMA data_version show every write, also
 * one made by another worker. The primary serves nothing; it restarts a worker that dies and, on
 * SIGTERM or SIGINT, lets every worker drain before it exits. A primary killed with -9 takes its
 * workers along: a worker exits as soon as its channel to the primary closes (node:cluster does that).
 */

/** The primary gives each worker a slot 1…n; a restarted worker gets the slot of the one it replaces. */
const SLOT_VARIABLE = "LEERTUIN_WORKER";
const Slot = z.coerce.number().int().min(1).max(64);

/** This process's slot in the cluster, or null when it is not a cluster worker. */
export function workerSlot(): number | null {
  if (!cluster.isWorker) return null;
  return Slot.parse(process.env[SLOT_VARIABLE]);
}

/** What a worker tells the primary. */
type WorkerMessage = { type: "listening"; url: string } | { type: "stopped"; cutOff: boolean };

/** Sends a message to the primary; resolves once it is handed over (before a worker exits). */
export function tellPrimary(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, undefined, {}, () => resolve()) : resolve()));
}

export interface ClusterOptions {
  workers: number;
  log?: (line: string) => void;
}

export interface RunningCluster {
  /** Resolves with the address the workers share once every worker listens. */
  listening: Promise<string>;
  /** Signals every worker (they drain and exit on their own), resolves when all have exited. */
  stop(signal: string): Promise<{ cutOff: boolean }>;
}

/** In the primary: forks the workers and keeps them running, from the start until `stop`. */
export function runCluster(options: ClusterOptions): RunningCluster {
  const log = options.log ?? console.log;
  const bySlot = new Map<number, Worker>();
  const waiting = new Set<number>();
  let stopping = false;
  /** Whether a worker cut off requests that outlasted the grace period, or died while stopping. */
  let cutOff = false;
  let listened: (url: string) => void;
  let failed: (error: Error) => void;
  const listening = new Promise<string>((resolve, reject) => {
    listened = resolve;
    failed = reject;
  });
  const fork = (slot: number) => {
    const worker = cluster.fork({ [SLOT_VARIABLE]: String(slot) });
    bySlot.set(slot, worker);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "stopped") cutOff ||= message.cutOff;
      if (message.type === "listening" && waiting.delete(slot) && waiting.size === 0) listened(message.url);
    });
    worker.once("exit", (code, signal) => {
      if (bySlot.get(slot) !== worker) return;
      bySlot.delete(slot);
      const starting = waiting.has(slot);
      if (stopping) {
        // A worker stopped before it listened had nothing in flight.
        if (code !== 0 && !starting) cutOff = true;
        return;
      }
      if (starting) {
        // A worker that cannot start (a broken database, a port in use): the others would fail alike.
        stopping = true;
        for (const other of bySlot.values()) other.process.kill("SIGTERM");
        failed(new Error(`Worker ${slot} stopped (${signal ?? code}) before it listened; see its messages above.`));
        return;
      }
      log(`Worker ${slot} stopped (${signal ?? `exit code ${code}`}); starting a new one.`);
      fork(slot);
    });
  };
  for (let slot = 1; slot <= options.workers; slot++) {
    waiting.add(slot);
    fork(slot);
  }
  return {
    listening,
    async stop(signal) {
      stopping = true;
      const exits = [...bySlot.values()].map(
        (worker) => new Promise<void>((done) => (worker.isDead() ? done() : worker.once("exit", () => done()))),
      );
      // Each worker drains on its own (app/http/shutdown.server.ts) and exits when it is done.
      for (const worker of bySlot.values()) worker.process.kill(signal === "SIGINT" ? "SIGINT" : "SIGTERM");
      await Promise.all(exits);
      return { cutOff };
    },
  };
}
