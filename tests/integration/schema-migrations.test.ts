import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { expect, it } from "vitest";

import { TMP_DIR } from "../support/paths";

it("db/schema.ts and db/migrations agree: drizzle-kit finds nothing to generate", () => {
  // drizzle-kit writes into its output folder, so it gets a copy; it wants that folder relative to here.
  const copy = path.join(TMP_DIR, `migrations-${crypto.randomUUID()}`);
  fs.cpSync("db/migrations", copy, { recursive: true });
  try {
    const output = execFileSync(
      path.resolve("node_modules/.bin/drizzle-kit"),
      ["generate", "--dialect=sqlite", "--schema=./db/schema.ts", `--out=${path.relative(process.cwd(), copy)}`],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(output).toContain("No schema changes");
    expect(fs.readdirSync(copy).sort()).toEqual(fs.readdirSync("db/migrations").sort());
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
