import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, lte, sql } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import { SESSION_COOKIE } from "~/http/cookie-names";
import { noteRequestRole } from "~/http/request-context.server";
import { getDb, preparedPerDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { loginPath } from "~/utils/paths";
import { singleton } from "~/utils/singleton.server";
import * as t from "../../db/schema";
import { sessionSecret } from "./session-secret.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_DAYS = 14;
/** Facilitators and admins are logged out after this long without a request (others: only SESSION_DAYS). */
export const PRIVILEGED_IDLE_HOURS = 8;
/** last_seen_at is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Over HTTPS (production) the cookie is `Secure` and carries the `__Host-` prefix, so the browser
 * only accepts it from this host over HTTPS, for path / and without a Domain: no subdomain can set it.
 */
export function cookieName(base: string): string {
  return getEnv().NODE_ENV === "production" ? `__Host-${base}` : base;
}

function sessionCookie() {
  return singleton("session-cookie", () =>
    createCookie(cookieName(SESSION_COOKIE), {
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
  /** Whether the user confirmed an authenticator app (two-factor log-in). */
  totp: boolean;
}

const userOfSession = preparedPerDb((db) =>
  db
    .select({
      id: t.users.id,
      name: t.users.name,
      email: t.users.email,
      isAdmin: t.users.isAdmin,
      totp: sql<number>`${t.totpCredentials.userId} is not null`,
      lastSeenAt: sql<string>`coalesce(${t.sessions.lastSeenAt}, ${t.sessions.createdAt})`,
    })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .leftJoin(t.totpCredentials, eq(t.totpCredentials.userId, t.users.id))
    .where(and(eq(t.sessions.idHash, sql.placeholder("idHash")), gt(t.sessions.expiresAt, sql.placeholder("now"))))
    .prepare(),
);

const facilitatorRole = preparedPerDb((db) =>
  db
    .select({ one: sql`1` })
    .from(t.memberships)
    .where(
      and(
        eq(t.memberships.userId, sql.placeholder("userId")),
        eq(t.memberships.role, "facilitator"),
        eq(t.memberships.status, "active"),
      ),
    )
    .limit(1)
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

/** The request each user object was read for: the permission checks tell a page from a form submission. */
const requestsOfUsers = new WeakMap<SessionUser, Request>();

export function requestOfUser(user: SessionUser): Request | undefined {
  return requestsOfUsers.get(user);
}

async function findUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  const db = getDb();
  const idHash = hashToken(token);
  const now = Date.now();
  const row = userOfSession(db).get({ idHash, now: new Date(now).toISOString() });
  if (!row) return null;
  const { lastSeenAt, totp, ...rest } = row;
  const idle = now - Date.parse(lastSeenAt);
  if (idle > PRIVILEGED_IDLE_HOURS * 3_600_000 && (rest.isAdmin || facilitatorRole(db).get({ userId: rest.id }))) {
    sessionBookkeeping(() => db.delete(t.sessions).where(eq(t.sessions.idHash, idHash)).run());
    return null;
  }
  if (idle > TOUCH_INTERVAL_MS) {
    sessionBookkeeping(() =>
      db
        .update(t.sessions)
        .set({ lastSeenAt: new Date(now).toISOString() })
        .where(eq(t.sessions.idHash, idHash))
        .run(),
    );
  }
  const user: SessionUser = { ...rest, totp: Boolean(totp) };
  requestsOfUsers.set(user, request);
  noteRequestRole(user.isAdmin ? "admin" : "member");
  return user;
}

/** A write while reading a page: sliding the idle time, or removing an idle session. */
function sessionBookkeeping(write: () => unknown) {
  try {
    write();
  } catch (error) {
    // A LiteFS read replica cannot write, nor can a full disk: the session slides on a later request.
    if (/^SQLITE_(READONLY|IOERR|FULL)/.test((error as { code?: string }).code ?? "")) return;
    throw error;
  }
}

/** The logged-in user; a visitor is sent to log in and comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(loginPath({ redirectTo: url.pathname + url.search }));
}

/**
 * Starts a session in the database and sends its token as a cookie with the redirect. The session
 * this browser had (the cookie of `request`) ends: a new log-in never leaves the old one usable.
 */
export async function createUserSession(
  request: Request,
  userId: number,
  redirectTo: string,
  { summary, headers = [] }: { summary?: string; headers?: [string, string][] } = {},
) {
  const token = newToken();
  const replaced = await sessionToken(request);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(t.sessions).where(lte(t.sessions.expiresAt, new Date().toISOString())).run();
    if (replaced)
      tx.delete(t.sessions)
        .where(eq(t.sessions.idHash, hashToken(replaced)))
        .run();
    tx.insert(t.sessions)
      .values({ idHash: hashToken(token), userId, expiresAt })
      .run();
    recordAudit(tx, { actorId: userId, action: "auth.login", targetType: "user", targetId: userId, summary });
  });
  const response = redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(token) } });
  for (const [name, value] of headers) response.headers.append(name, value);
  return response;
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
