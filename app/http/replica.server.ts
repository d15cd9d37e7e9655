import fs from "node:fs";

import type { NextFunction, Request, Response } from "express";

import { getEnv } from "~/utils/env.server";
import { refuse } from "./refusal.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The primary's name while this node is a LiteFS read replica; undefined on the primary (or without LiteFS). */
export function currentPrimary(): string | undefined {
  const file = getEnv().LITEFS_PRIMARY_FILE;
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, "utf8").trim() || undefined;
  } catch {
    // LiteFS removes the file when this node becomes the primary.
    return undefined;
  }
}

/**
 * On a read replica every write is refused before it reaches SQLite (which would fail with a disk I/O
 * error): 503 with `fly-replay`, so Fly's proxy replays the request on the primary, and the primary's
 * name for any other proxy. The file is read per request: the primary can move.
 */
export function refuseWritesOnReplica(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const primary = currentPrimary();
  if (!primary) return next();
  res.set({ "fly-replay": `instance=${primary}`, "x-leertuin-primary": primary, "retry-after": "1" });
  refuse(req, res, 503, "Deze server kan op dit moment niets opslaan. Probeer het over een ogenblik opnieuw.");
}
