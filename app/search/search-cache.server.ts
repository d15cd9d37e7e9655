import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

import { workerSlot } from "~/http/cluster.server";
import { isStorageFull, reportStorageFull } from "~/http/storage-full.server";
import type { Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import { loadSearchDocuments } from "./documents.server";
import {
  type AuditEntryRow,
  auditSince,
  openSearchIndex,
  type SearchIndex,
  searchIndexPath,
  writeSearchIndexFile,
} from "./search-index.server";
import { prepareSuggestions } from "./suggestions.server";

interface State {
  file: string | null;
  index: SearchIndex | null;
  /** A full rebuild running in a worker thread. */
  rebuilding: Worker | null;
  /** How many times the index was built whole in this process. */
  builds: number;
  /** When a rebuild in a worker last failed: the next attempt waits a while. */
  failedAt: number;
  /** The current index's warm-up (frequent term lists, vocabulary), while or after it runs. */
  warming: Promise<void> | null;
}

const state = () =>
  singleton<State>("search-index", () => ({
    file: null,
    index: null,
    rebuilding: null,
    builds: 0,
    failedAt: 0,
    warming: null,
  }));

/** Shared by name with the server bundle, so a test can send small rebuilds to the worker too. */
export const rebuildOptions = () =>
  singleton("search-rebuild-options", () => ({
    /** A full rebuild that took less than this runs inside the request, so the change is found at once. */
    inlineBelowMs: 1000,
    retryAfterMs: 60_000,
  }));
/** More changed dilemmas than this at once (an import, say): rebuild instead of updating. */
const MAX_INCREMENTAL_DILEMMAS = 200;

/**
 * Audit entries that change nothing searchable. Every other entry either names a dilemma, answer or
 * answer version (its dilemma's documents are indexed again) or makes the index rebuild whole.
 */
const IGNORED_ACTIONS = /^(auth|account|membership|system)\./;
const IGNORED_TARGETS = new Set(["user", "membership", "session", "comment", "notification", "suggestion"]);

/**
 * The index for the database as it is now. Every write appends to the audit log in its own
 * transaction; the index remembers the last entry it reflects, and before each search reads what came
 * after: the documents of the dilemmas named there are indexed again at once (a few milliseconds).
 * Anything else (an import, another database) rebuilds the index whole, in a worker thread when that
 * takes long, while the current index keeps answering.
 */
export function getSearchIndex(db: Db): SearchIndex {
  return currentIndex(db, indexFileOf(getEnv().DATABASE_PATH), { inline: false });
}

/**
 * The index file this process uses: a cluster worker (app/http/cluster.server.ts) keeps a copy of its
 * own, because an update writes to the file and the term lists in memory must match what it holds.
 */
function indexFileOf(databasePath: string): string {
  const slot = workerSlot();
  const shared = searchIndexPath(databasePath);
  return slot === null ? shared : shared.replace(/\.search\.sqlite$/, `.worker-${slot}.search.sqlite`);
}

/**
 * In a cluster worker, before the index is opened: starts its copy from the index the primary made
 * current at start (closed by then, so the file is whole), replacing the copy of an earlier worker.
 */
export function copySearchIndexForWorker(databasePath: string) {
  const own = indexFileOf(databasePath);
  const shared = searchIndexPath(databasePath);
  if (own === shared) return;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(own + suffix, { force: true });
  fs.copyFileSync(shared, own);
}

/**
 * Opens the index for the database and waits until its frequent term lists are read: the server calls
 * it before it listens, so the first searches after a start cost what later ones do.
 */
export async function warmSearchIndex(db: Db): Promise<void> {
  getSearchIndex(db);
  await state().warming;
}

/** Makes the index file current at start (built or updated inside this call); the server then uses it. */
export function ensureSearchIndexFile(db: Db, databasePath: string): "current" | "updated" | "built" {
  const file = searchIndexPath(databasePath);
  // Remove what a crashed build left (temporary files) and a lunr index file of an old install.
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.startsWith(`${base}.`) && name.endsWith(".tmp")) fs.rmSync(path.join(dir, name), { force: true });
  }
  fs.rmSync(file.replace(/\.search\.sqlite$/, ".search-index.json"), { force: true });
  const builds = state().builds;
  const before = state().file === file ? state().index?.mark.id : undefined;
  const index = currentIndex(db, file, { inline: true });
  if (state().builds > builds) return "built";
  return index.mark.id === before ? "current" : "updated";
}

function currentIndex(db: Db, file: string, options: { inline: boolean }): SearchIndex {
  const current = state();
  if (current.file !== file) {
    current.index?.close();
    Object.assign(current, { file, index: null });
  }
  if (!current.index) {
    current.index = openSearchIndex(file);
    if (!current.index) rebuildInline(db, file);
    else {
      current.warming = current.index.warmUp();
      prepareSuggestions(current.index);
    }
  }
  try {
    catchUp(db, file, options);
  } catch (error) {
    // A full disk: search answers from the index as it is and catches up on a later request.
    if (!isStorageFull(error)) throw error;
    reportStorageFull(error);
  }
  return current.index!;
}

/** Brings the index up to date with the audit log; a rebuild is started (inline when small or asked for). */
function catchUp(db: Db, file: string, options: { inline: boolean }) {
  const index = state().index!;
  if (applyAuditLog(db, index) !== "rebuild") return;
  if (options.inline || index.buildMs < rebuildOptions().inlineBelowMs) rebuildInline(db, file);
  else rebuildInWorker(file);
}

/**
 * Applies the audit log written since the index's mark: the documents of the dilemmas it names are
 * indexed again. "rebuild" when that is not enough (another database, an import, an unknown change).
 */
export function applyAuditLog(db: Db, index: SearchIndex): "current" | "updated" | "rebuild" {
  const since = auditSince(db, index.mark);
  if (since === null) return "rebuild";
  if (since.entries.length === 0) return "current";
  const dilemmas = new Set<number>();
  for (const entry of since.entries) {
    const affected = affectedDilemma(db, entry);
    if (affected === "all") return "rebuild";
    if (affected !== null) dilemmas.add(affected);
  }
  if (dilemmas.size > MAX_INCREMENTAL_DILEMMAS) return "rebuild";
  const last = since.entries.at(-1)!;
  const mark = { id: last.id, stamp: last.stamp };
  if (dilemmas.size === 0) index.advanceMark(mark);
  else index.replaceDilemmas([...dilemmas], loadSearchDocuments(db, [...dilemmas]), mark);
  return "updated";
}

/** The dilemma whose documents an audit entry changed; null when nothing searchable changed; "all" when unknown. */
function affectedDilemma(db: Db, entry: AuditEntryRow): number | null | "all" {
  if (IGNORED_ACTIONS.test(entry.action) || IGNORED_TARGETS.has(entry.targetType)) return null;
  // Written as text; a number bound by a driver may read "12.0".
  const id = /^\d+(\.0+)?$/.test(entry.targetId) ? Number(entry.targetId) : null;
  const lookup = (sql: string, value: string | number) =>
    (db.$client.prepare(sql).pluck().get(value) as number | undefined) ?? "all";
  switch (entry.targetType) {
    case "dilemma":
      return id ?? lookup("select id from dilemmas where slug = ?", entry.targetId);
    case "answer":
      return id === null ? "all" : lookup("select dilemma_id from answers where id = ?", id);
    case "answer_version":
      return id === null
        ? "all"
        : lookup(
            "select a.dilemma_id from answer_versions av join answers a on a.id = av.answer_id where av.id = ?",
            id,
          );
    default:
      return "all";
  }
}

const temporaryPath = (file: string) => `${file}.${process.pid}-${Date.now()}.tmp`;

/** Puts a freshly written index file in place of the current one and starts using it. */
function swapIn(file: string, built: string) {
  const current = state();
  current.index?.close();
  current.index = null;
  // Closing the last connection folds the WAL into the file; a WAL left by a crash belongs to the old one.
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(built, file);
  current.index = openSearchIndex(file);
  if (!current.index) throw new Error(`The search index ${file} could not be opened after it was built.`);
  current.builds++;
  current.warming = current.index.warmUp();
  prepareSuggestions(current.index);
}

function rebuildInline(db: Db, file: string) {
  const temp = temporaryPath(file);
  writeSearchIndexFile(db, temp);
  swapIn(file, temp);
}

/**
 * Rebuilds in a worker thread with its own database connection; the index in use answers meanwhile
 * and is replaced when the new file is complete. The worker runs the TypeScript source through tsx
 * (a dependency; the server itself runs from its bundle), from the project directory like `content/`.
 */
function rebuildInWorker(file: string) {
  const current = state();
  if (current.rebuilding || Date.now() - current.failedAt < rebuildOptions().retryAfterMs) return;
  const script = path.resolve("app/search/index-build.worker.ts");
  const temp = temporaryPath(file);
  const load = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(script)}, { parentURL: ${JSON.stringify(pathToFileURL(script).href)} }))`;
  const worker = new Worker(load, { eval: true, workerData: { databasePath: getEnv().DATABASE_PATH, target: temp } });
  worker.unref();
  current.rebuilding = worker;
  const done = (error?: unknown) => {
    if (current.rebuilding !== worker) return;
    current.rebuilding = null;
    if (error || current.file !== file) {
      fs.rmSync(temp, { force: true });
      if (error) {
        current.failedAt = Date.now();
        console.error("The search index could not be rebuilt:", error);
      }
      return;
    }
    try {
      swapIn(file, temp);
    } catch (failure) {
      current.failedAt = Date.now();
      console.error("The rebuilt search index could not be used:", failure);
    }
  };
  worker.once("message", (message: { ok: boolean; error?: string }) => done(message.ok ? undefined : message.error));
  worker.once("error", done);
  worker.once("exit", (code) => done(new Error(`the worker stopped (${code}) before it finished`)));
}

/**
 * True while the index is rebuilt behind the one that answers: search may miss the newest writes, so
 * the page cache keeps nothing and readiness reports it.
 */
export function searchIndexLagging(): boolean {
  return state().rebuilding !== null;
}

/** At shutdown: stops a rebuild in progress (its temporary file is removed) and closes the index. */
export async function closeSearchIndex() {
  const current = state();
  const worker = current.rebuilding;
  current.rebuilding = null;
  if (worker) await worker.terminate();
  current.index?.close();
  Object.assign(current, { file: null, index: null });
}
