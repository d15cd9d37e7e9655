import crypto from "node:crypto";
import fs from "node:fs";

import { getEnv } from "~/utils/env.server";
import { forgetSingleton, singleton } from "~/utils/singleton.server";

/**
 * SESSION_SECRET signs the session cookie. A real deployment (LEERTUIN_DEMO=0 in production) must set
 * it; a demo or development run makes one and keeps it beside the database, so restarts keep sessions.
 */
export function sessionSecret(): string {
  return singleton("session-secret", () => {
    const env = getEnv();
    if (env.SESSION_SECRET) return env.SESSION_SECRET;
    if (env.NODE_ENV === "production" && env.LEERTUIN_DEMO === "0") {
      throw new Error("SESSION_SECRET is missing: set it (at least 32 characters) to run Leertuin in production.");
    }
    const file = `${env.DATABASE_PATH}.session-secret`;
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  });
}

/** Forgets the secret kept for this process, so the next call reads the settings again (tests change them). */
export function forgetSessionSecret(): void {
  forgetSingleton("session-secret");
}
