import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { SERVER_NODE_FLAGS } from "../../scripts/build.mjs";
import { BASE_DB, TMP_DIR } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Starts `npm start`'s script as its own process, on a free port with a copy of the base database. */
export default async function setup(project: TestProject) {
  const file = path.join(TMP_DIR, `e2e-${crypto.randomUUID()}.sqlite`);
  fs.copyFileSync(BASE_DB, file);
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/start.mjs"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: file },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Leertuin runs at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`The server stopped (exit ${code}) before it listened:\n${output}`)));
  });
  project.provide("baseUrl", url);
  return () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}
