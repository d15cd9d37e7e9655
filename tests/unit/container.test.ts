// CI has no Docker: the image's essentials are checked by reading the Dockerfile and .dockerignore.
import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { SERVER_NODE_FLAGS } from "../../scripts/build.mjs";

/** Instructions with their continuation lines joined, comments dropped. */
function instructions(file: string) {
  return fs
    .readFileSync(file, "utf8")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
    });
}

describe("the Dockerfile", () => {
  const steps = instructions("Dockerfile");
  const finalStage = steps.slice(steps.map((s) => s.keyword).lastIndexOf("FROM"));

  it("builds in one stage and runs on Node 20 slim in another", () => {
    const froms = steps.filter((s) => s.keyword === "FROM").map((s) => s.args);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^node:20-slim\b/);
    const runs = steps.filter((s) => s.keyword === "RUN").map((s) => s.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm run build\b/.test(r) && /npm prune --omit=dev/.test(r))).toBe(true);
  });

  it("runs as a user that is not root, with the database on a volume and a health check", () => {
    const user = finalStage.filter((s) => s.keyword === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const volume = finalStage.find((s) => s.keyword === "VOLUME")?.args ?? "";
    const env = finalStage
      .filter((s) => s.keyword === "ENV")
      .map((s) => s.args)
      .join(" ");
    const dataPath = /DATABASE_PATH=(\S+)/.exec(env)?.[1];
    expect(dataPath).toBeDefined();
    expect(volume).toContain(dataPath!.split("/").slice(0, 2).join("/"));
    expect(env).toContain("NODE_ENV=production");
    expect(env).toContain("LEERTUIN_DEMO=0");
    const health = finalStage.find((s) => s.keyword === "HEALTHCHECK")?.args ?? "";
    expect(health).toContain("/healthz");
    expect(finalStage.find((s) => s.keyword === "CMD")?.args).toContain("build/server/serve.js");
  });

  it("runs node with the same flags as `npm start` and the test harnesses", () => {
    const cmd = JSON.parse(finalStage.find((s) => s.keyword === "CMD")!.args) as string[];
    expect(cmd.slice(1, -1)).toEqual(SERVER_NODE_FLAGS);
    const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} scripts/start.mjs`);
  });

  it("leaves local databases, secrets and installed modules out of the build context", () => {
    const ignored = fs.readFileSync(".dockerignore", "utf8").split("\n");
    for (const entry of ["node_modules", "*.sqlite", "*.session-secret", ".env", "db/backups", "build"])
      expect(ignored).toContain(entry);
  });
});
