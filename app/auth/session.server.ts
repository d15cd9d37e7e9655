import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, lte, sql } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import { getDb, preparedPerDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import * as t from "../../db/schema";
import { sessionSecret } from "./session-secret.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_DAYS = 14;

function sessionCookie() {
  return singleton("session-cookie", () =>
    createCookie("leertuin_sessie", {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().NODE_ENV === "production",
      path: "/",
      maxAge: SESSION_DAYS * 24 * 60 * 60,
      secrets: [sessionSecret()],
    }),
  );
}

async function sessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" ? value : null;
}

/** The stored hash of this request's session, to tell it apart from the user's other sessions. */
export async function getSessionIdHash(request: Request): Promise<string | null> {
  const token = await sessionToken(request);
  return token ? hashToken(token) : null;
}

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  isAdmin: boolean;
}

const userOfSession = preparedPerDb((db) =>
  db
    .select({ id: t.users.id, name: t.users.name, email: t.users.email, isAdmin: t.users.isAdmin })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(and(eq(t.sessions.idHash, sql.placeholder("idHash")), gt(t.sessions.expiresAt, sql.placeholder("now"))))
    .prepare(),
);

/**
 * Each request's user, looked up once: the root loader, the page's loader and the permission checks
 * all ask. Remix gives an action and the loaders after it different Request objects, so a loader
 * never sees what the session was before an action changed it.
 */
const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>();

/** The logged-in user, or null for a visitor, an unknown token or an expired session. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersOfRequests.get(request);
  if (!user) {
    user = findUser(request);
    usersOfRequests.set(request, user);
  }
  return user;
}

async function findUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  return userOfSession(getDb()).get({ idHash: hashToken(token), now: new Date().toISOString() }) ?? null;
}

/** The logged-in user; a visitor is sent to log in and comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/inloggen?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
}

/** Starts a session in the database and sends its token as a cookie with the redirect. */
export async function createUserSession(userId: number, redirectTo: string) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(t.sessions).where(lte(t.sessions.expiresAt, new Date().toISOString())).run();
    tx.insert(t.sessions)
      .values({ idHash: hashToken(token), userId, expiresAt })
      .run();
    recordAudit(tx, { actorId: userId, action: "auth.login", targetType: "user", targetId: userId });
  });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(token) } });
}

/** Ends the session in the database, so the cookie is worthless even if someone kept a copy. */
export async function logout(request: Request, redirectTo = "/") {
  const token = await sessionToken(request);
  if (token) {
    const db = getDb();
    db.transaction((tx) => {
      const session = tx
        .select()
        .from(t.sessions)
        .where(eq(t.sessions.idHash, hashToken(token)))
        .get();
      if (!session) return;
      tx.delete(t.sessions).where(eq(t.sessions.idHash, session.idHash)).run();
      recordAudit(tx, { actorId: session.userId, action: "auth.logout", targetType: "user", targetId: session.userId });
    });
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

// Kept here for the routes that import it from the session module; it lives in utils/safe-redirect.ts.
export { safeRedirect } from "~/utils/safe-redirect";
