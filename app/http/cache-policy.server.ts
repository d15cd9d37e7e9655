import type { IncomingMessage } from "node:http";

import { hasSessionCookie } from "./cookie-names";

/** Addresses that carry a secret of their own (a password-reset token, a mail's unsubscribe token). */
const TOKEN_PATH = /^\/(?:wachtwoord-herstellen|afmelden)\//;

export const isTokenPath = (url: string | undefined) => TOKEN_PATH.test(url ?? "");

/**
 * no-store for a response that depends on who asks (a session, a Set-Cookie) or whose address is a
 * secret: no browser, proxy or page cache may keep it. Everything else keeps its own Cache-Control.
 */
export function withCachePolicy(req: IncomingMessage, response: Response): Response {
  const personal = hasSessionCookie(req.headers.cookie) || response.headers.has("set-cookie") || isTokenPath(req.url);
  if (!personal) return response;
  try {
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch {
    // A response with immutable headers is copied.
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
