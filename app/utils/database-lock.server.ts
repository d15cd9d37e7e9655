// Who holds a database file: the server's `<database>.pid` while its process lives (kill -9 leaves it
// behind), and on Linux any process with the file or its WAL open (an `sqlite3` shell, say).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface PidFile {
  pid: number;
  host: string;
  startedAt: string;
}

export const pidFileOf = (database: string) => `${database}.pid`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Marks the database as held by this process; the returned function lets it go. */
export function claimDatabase(database: string): () => void {
  const file = pidFileOf(database);
  const own: PidFile = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  try {
    fs.writeFileSync(file, JSON.stringify(own) + "\n");
  } catch (error) {
    // A directory that only takes databases (a LiteFS mount) or a read-only one: serve all the same;
    // the restore still finds this process by its open files.
    console.warn(`Could not write ${file} (${(error as Error).message}); db:restore relies on open files only.`);
    return () => {};
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    try {
      const current = JSON.parse(fs.readFileSync(file, "utf8")) as PidFile;
      if (current.pid === own.pid && current.startedAt === own.startedAt) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or replaced by another server: not ours to remove.
    }
  };
  process.on("exit", release);
  return release;
}

function fromPidFile(database: string): string[] {
  let held: PidFile;
  try {
    held = JSON.parse(fs.readFileSync(pidFileOf(database), "utf8")) as PidFile;
  } catch {
    return [];
  }
  if (typeof held.pid !== "number") return [`${pidFileOf(database)} is unreadable`];
  if (held.host !== os.hostname()) return [`a server on ${held.host} (pid ${held.pid}, ${pidFileOf(database)})`];
  return alive(held.pid) ? [`a server, process ${held.pid} since ${held.startedAt}`] : [];
}

function fromOpenFiles(database: string): string[] {
  if (process.platform !== "linux") return [];
  let targets: Set<string>;
  try {
    const real = fs.realpathSync(database);
    targets = new Set([real, `${real}-wal`, `${real}-shm`]);
  } catch {
    return [];
  }
  const holders: string[] = [];
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    const holds = fds.some((fd) => {
      try {
        return targets.has(fs.readlinkSync(path.join(`/proc/${pid}/fd`, fd)));
      } catch {
        return false;
      }
    });
    if (holds) holders.push(`process ${pid} has the file open`);
  }
  return holders;
}

/** Descriptions of every process that holds the database; empty when nothing does. */
export function databaseHolders(database: string): string[] {
  return [...fromPidFile(database), ...fromOpenFiles(database)];
}
