import crypto from "node:crypto";

import { sessionSecret } from "~/auth/session-secret.server";

// A purpose prefix keeps this signature from ever matching one made for something else with the same secret.
const sign = (userId: number) =>
  crypto.createHmac("sha256", sessionSecret()).update(`unsubscribe:${userId}`).digest("base64url");

/** The token in a mail's unsubscribe link: the user id and its signature, so no log-in is needed. */
export function unsubscribeToken(userId: number): string {
  return `${userId}.${sign(userId)}`;
}

/** The user a token was made for, or null when it was not made by this Leertuin. */
export function verifyUnsubscribeToken(token: string): number | null {
  const match = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const expected = Buffer.from(sign(userId));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? userId : null;
}
