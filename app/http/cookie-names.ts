/** The session cookie; over HTTPS it carries the `__Host-` prefix (auth/session.server.ts). */
export const SESSION_COOKIE = "leertuin_sessie";
/** A visitor's "Mijn regio" choice (utils/reader-region.server.ts): pages ordered for that region. */
export const READER_REGION_COOKIE = "mijn-regio";

/** A test whether a Cookie header carries the named cookie, also under the `__Host-` prefix. */
export function cookiePresence(name: string): (header: string | null | undefined) => boolean {
  const present = new RegExp(`(?:^|;)\\s*(?:__Host-)?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}=`);
  return (header) => Boolean(header && present.test(header));
}

export const hasSessionCookie = cookiePresence(SESSION_COOKIE);
export const hasReaderRegionCookie = cookiePresence(READER_REGION_COOKIE);
