import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

import Database from "better-sqlite3";

import { databaseHolders } from "../app/utils/database-lock.server";

/** `2026-11-23T11:29:18.123Z` → `20261123T112918123Z`: sorts by time and is safe in a file name. */
const stamp = (date: Date) => date.toISOString().replace(/[-:.]/g, "");
const STAMP = /\d{8}T\d{9}Z/;

function fsyncPath(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What is wrong with a database file: SQLite's `integrity_check`, foreign keys that point nowhere,
 * and a file that is not Leertuin's (no migrations table). Empty when the file is sound.
 */
export function databaseProblems(file: string): string[] {
  if (!fs.existsSync(file)) return [`${file} does not exist`];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== "ok");
    const foreignKeys = (db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]).map(
      (r) => `${r.table} row ${r.rowid} points to a missing ${r.parent}`,
    );
    const migrated = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
      .get();
    return [...integrity, ...foreignKeys, ...(migrated ? [] : ["not a Leertuin database (no migrations table)"])];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db?.close();
  }
}

/** The backups of `database` in `dir`, newest first. */
export function listBackups(database: string, dir: string): string[] {
  const base = path.basename(database).replace(/\.sqlite$/, "");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${base}-`) && name.endsWith(".sqlite") && STAMP.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

export interface BackupResult {
  file: string;
  bytes: number;
  milliseconds: number;
  /** Older backups removed to keep the last `keep`. */
  removed: string[];
}

/**
 * An online backup with SQLite's backup API (better-sqlite3 `.backup()`): consistent while the server
 * keeps reading and writing. The copy is checked, made a single self-contained file (no WAL), and
 * only then gets its final timestamped name; the oldest backups beyond `keep` are removed.
 */
export async function backupDatabase(
  database: string,
  options: { dir: string; keep: number; now?: Date },
): Promise<BackupResult> {
  const started = performance.now();
  fs.mkdirSync(options.dir, { recursive: true });
  const base = path.basename(database).replace(/\.sqlite$/, "");
  const file = path.join(options.dir, `${base}-${stamp(options.now ?? new Date())}.sqlite`);
  const partial = `${file}.partial`;
  const source = new Database(database, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  const problems = databaseProblems(partial);
  if (problems.length > 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`The backup failed its check: ${problems.join("; ")}`);
  }
  fsyncPath(partial);
  fs.renameSync(partial, file);
  fsyncPath(options.dir);
  const ours = listBackups(database, options.dir).reverse();
  const removed = ours.slice(0, Math.max(0, ours.length - options.keep));
  for (const old of removed) fs.rmSync(old, { force: true });
  return { file, bytes: fs.statSync(file).size, milliseconds: Math.round(performance.now() - started), removed };
}

export interface RestoreResult {
  /** Where the database that was replaced now is (with its WAL beside it), or null if there was none. */
  keptAs: string | null;
}

/**
 * Replaces the database with a backup. Refuses a backup that fails its check and a database that a
 * running server (or any process) holds. The replaced database is moved aside, not deleted, and its
 * WAL and shared-memory files move with it, so a stale WAL can never be applied to the restored file.
 */
export function restoreDatabase(backup: string, database: string, options: { now?: Date } = {}): RestoreResult {
  const problems = databaseProblems(backup);
  if (problems.length > 0) throw new Error(`Not restored: ${backup} failed its check: ${problems.join("; ")}`);
  const holders = databaseHolders(database);
  if (holders.length > 0)
    throw new Error(`Not restored: ${database} is in use by ${holders.join(", ")}. Stop the server first.`);
  const target = path.resolve(database);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backup, incoming);
  fsyncPath(incoming);
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    keptAs = `${target}.before-restore-${stamp(options.now ?? new Date())}`;
    for (const suffix of ["-wal", "-shm", ""]) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAs + suffix);
    }
  }
  fs.renameSync(incoming, target);
  fsyncPath(path.dirname(target));
  return { keptAs };
}
