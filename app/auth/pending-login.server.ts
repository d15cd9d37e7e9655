import { createCookie } from "@remix-run/node";
import { z } from "zod";

import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import { cookieName } from "./session.server";
import { sessionSecret } from "./session-secret.server";

/**
 * Between the password and the code: a signed, short-lived cookie that says which account passed the
 * password step. It is no session: nothing but the code page accepts it.
 */
export const PENDING_LOGIN_MINUTES = 5;

const PendingSchema = z.object({
  userId: z.number().int().positive(),
  redirectTo: z.string(),
  expiresAt: z.number(),
});
export type PendingLogin = z.infer<typeof PendingSchema>;

function pendingCookie() {
  return singleton("pending-login-cookie", () =>
    createCookie(cookieName("leertuin_inlogstap"), {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().NODE_ENV === "production",
      path: "/",
      maxAge: PENDING_LOGIN_MINUTES * 60,
      secrets: [sessionSecret()],
    }),
  );
}

export function startPendingLogin(userId: number, redirectTo: string): Promise<string> {
  return pendingCookie().serialize({ userId, redirectTo, expiresAt: Date.now() + PENDING_LOGIN_MINUTES * 60_000 });
}

/** The account waiting for its code, or null (no cookie, a forged or expired one). */
export async function readPendingLogin(request: Request): Promise<PendingLogin | null> {
  const parsed = PendingSchema.safeParse(await pendingCookie().parse(request.headers.get("cookie")));
  return parsed.success && parsed.data.expiresAt > Date.now() ? parsed.data : null;
}

export function endPendingLogin(): Promise<string> {
  return pendingCookie().serialize("", { maxAge: 0 });
}
