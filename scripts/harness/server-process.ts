// The production server as a child process (`scripts/start.mjs`, as `npm start` runs it), for the load
// and crash harness: started on a free port with its output in a log file, stopped or killed by pid.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { SERVER_NODE_FLAGS } from "../build.mjs";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until the server answered its first request. */
  startMs: number;
  /** kill -9: no shutdown, no flush, as a power cut of the process. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** The exit code (null when a signal ended it), once the process has exited. */
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

function tail(file: string, lines = 30) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no output)";
}

/**
 * Starts `scripts/start.mjs` (migrate, import the library into an empty database, demo accounts,
 * search index, serve) in production mode and resolves once it answers.
 */
export async function startServerProcess(options: {
  database: string;
  log: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(options.log, "a");
  // The log is appended to across restarts: only what this start writes counts.
  const logStart = fs.fstatSync(out).size;
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.resolve("scripts/start.mjs")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LEERTUIN_DEMO: "1",
      DATABASE_PATH: options.database,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...options.env,
    },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const done = exited(child);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server stopped before it answered:\n${tail(options.log)}`);
    try {
      const response = await fetch(`${url}/`, { redirect: "manual" });
      await response.arrayBuffer();
      // With WEB_CONCURRENCY > 1 one worker may answer before the others listen: the line says all do.
      if (response.status === 200 && fs.readFileSync(options.log).subarray(logStart).includes("Leertuin runs at"))
        break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer within 120 s:\n${tail(options.log)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid!,
    startMs: Math.round(performance.now() - started),
    async kill9() {
      child.kill("SIGKILL");
      await done;
    },
    async stop() {
      child.kill("SIGTERM");
      await done;
    },
    exited: done.then(() => child.exitCode),
  };
}
