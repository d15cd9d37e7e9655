// Helpers shared by `npm run bench` and `npm run bench:profile`: a generated library, the production
// server as a child process with its output in a file, and a member's log-in.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";

import { DEMO_PASSWORD } from "../../app/auth/demo-accounts.server";
import { contentRoot } from "../../app/content/content-root.server";
import { importContent } from "../../app/content/import-content.server";
import { readContent } from "../../app/content/read-content.server";
import { migrateDatabase, openDatabase } from "../../db/client.server";
import { generateLibrary } from "../generate-library";
import { prepareDatabase } from "../prepare-database";

/**
 * Creates `file` with content/ plus `size` generated dilemmas, the demo accounts and the search index;
 * returns the slug of the curated dilemma with the most regional answers (a full page).
 */
export async function createBenchLibrary(file: string, size: number, log: (line: string) => void = console.log) {
  const db = openDatabase(file);
  migrateDatabase(db);
  importContent(db, readContent(contentRoot()));
  generateLibrary(db, size);
  db.$client.close();
  await prepareDatabase(file, { demo: true }, log);
  return fullestDilemma(file);
}

export function fullestDilemma(file: string): string {
  const db = openDatabase(file);
  try {
    return db.$client
      .prepare(
        "select d.slug from dilemmas d join answers a on a.dilemma_id = d.id where d.origin = 'content' group by d.id order by count(*) desc, d.id limit 1",
      )
      .pluck()
      .get() as string;
  } finally {
    db.$client.close();
  }
}

/**
 * Starts a child process and resolves once a line of its output matches `ready`. The output goes to a
 * file, as a deployment's log would: a pipe read here would cost this process (and autocannon) time.
 */
export async function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  log: string,
  nodeOptions: string[] = [],
) {
  const fd = fs.openSync(log, "w");
  const child = spawn(process.execPath, [...nodeOptions, ...args], {
    env,
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  for (;;) {
    const match = fs.readFileSync(log, "utf8").match(ready);
    if (match) return { child, match };
    if (child.exitCode !== null)
      throw new Error(
        `${args.join(" ")} stopped (${child.exitCode}) before it was ready:\n${fs.readFileSync(log, "utf8")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function stopChild(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Logs in with the demo password and returns the session cookie (`name=value`). */
export async function logIn(base: string, email: string) {
  const response = await fetch(`${base}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`log-in of ${email} answered ${response.status}`);
  return cookie;
}
