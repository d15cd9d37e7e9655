import { createCookie } from "@remix-run/node";
import { z } from "zod";

import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import { cookieName } from "./session.server";
import { sessionSecret } from "./session-secret.server";
import { newTotpSecret } from "./totp.server";

/**
 * The secret being set up lives in a signed cookie until a code confirms it: showing the set-up page
 * writes nothing to the database, and a secret nobody confirmed is never stored.
 */
const SETUP_MINUTES = 30;

const SetupSchema = z.object({ userId: z.number().int().positive(), secret: z.string().regex(/^[A-Z2-7]{32}$/) });

function setupCookie() {
  return singleton("totp-setup-cookie", () =>
    createCookie(cookieName("leertuin_tweestaps"), {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().NODE_ENV === "production",
      path: "/",
      maxAge: SETUP_MINUTES * 60,
      secrets: [sessionSecret()],
    }),
  );
}

/** This user's secret in set-up, or null. */
export async function readSetupSecret(request: Request, userId: number): Promise<string | null> {
  const parsed = SetupSchema.safeParse(await setupCookie().parse(request.headers.get("cookie")));
  return parsed.success && parsed.data.userId === userId ? parsed.data.secret : null;
}

/** The secret in set-up (a new one when there is none) and the cookie that keeps it, if it is new. */
export async function setupSecret(request: Request, userId: number): Promise<{ secret: string; cookie?: string }> {
  const existing = await readSetupSecret(request, userId);
  if (existing) return { secret: existing };
  const secret = newTotpSecret();
  return { secret, cookie: await setupCookie().serialize({ userId, secret }) };
}

export const endSetup = () => setupCookie().serialize("", { maxAge: 0 });
