import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { listBackups } from "../../db/backup.server";

/** A start that must not go on: the message names the file or setting, what is wrong and what to do. */
export class StartupError extends Error {}

const SQLITE_HEADER = "SQLite format 3\0";

/**
 * Creates the folder that `file` lives in when it is missing, and refuses a folder the server cannot
 * write (SQLite needs to create its -wal and -shm files beside the database).
 */
export function ensureWritableFolder(setting: string, file: string) {
  const folder = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StartupError(
      `${setting}: the folder ${folder} does not exist and cannot be created (${(error as NodeJS.ErrnoException).code}). ` +
        `Create it, or point ${setting} at a folder this user may write.`,
    );
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new StartupError(
      `${setting}: the folder ${folder} cannot be written by this user. Leertuin needs to write there; ` +
        `give this user write access or point ${setting} at another folder.`,
    );
  }
}

/**
 * Checks an existing database file before anything writes to it: the header, then SQLite's
 * `quick_check` on a read-only connection, so a damaged file stays byte for byte as it was.
 */
export function checkDatabaseFile(file: string, backupDir: string) {
  if (!fs.existsSync(file)) return;
  const stat = fs.statSync(file);
  if (stat.size === 0) return;
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new StartupError(
      `DATABASE_PATH: ${file} is read-only for this user. Leertuin does not serve a database it cannot write; ` +
        `give this user write access to the file (and its folder), or point DATABASE_PATH at a writable copy.`,
    );
  }
  const problem = headerProblem(file) ?? quickCheckProblem(file);
  if (problem) throw new StartupError(damagedMessage(file, problem, listBackups(file, backupDir)));
}

function headerProblem(file: string): string | undefined {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  try {
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read < 16 || header.toString("latin1") !== SQLITE_HEADER) return "it does not start with SQLite's header";
  } finally {
    fs.closeSync(fd);
  }
  return undefined;
}

function quickCheckProblem(file: string): string | undefined {
  // A read-only connection to a WAL database creates empty -wal and -shm files; they go again after.
  const created = ["-wal", "-shm"].filter((suffix) => !fs.existsSync(file + suffix));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma("quick_check") as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
    return problems.length > 0 ? `SQLite's quick_check reports: ${problems.slice(0, 3).join("; ")}` : undefined;
  } catch (error) {
    return `SQLite cannot read it: ${(error as Error).message}`;
  } finally {
    db?.close();
    for (const suffix of created) {
      const extra = file + suffix;
      if (fs.existsSync(extra) && (suffix === "-shm" || fs.statSync(extra).size === 0)) fs.rmSync(extra);
    }
  }
}

function damagedMessage(file: string, problem: string, backups: string[]) {
  const lines = [
    `The database ${file} is damaged: ${problem}.`,
    "Leertuin has not started and has not changed the file.",
  ];
  if (backups.length === 0) {
    lines.push("No backups were found. Restore the file from your own copies, or move it aside to start empty.");
  } else {
    lines.push(
      "Restore the newest backup (the damaged file is kept aside) with:",
      `  npm run db:restore -- ${backups[0]}`,
      "Backups, newest first:",
      ...backups.slice(0, 5).map((b) => `  ${b}`),
    );
  }
  return lines.join("\n");
}
