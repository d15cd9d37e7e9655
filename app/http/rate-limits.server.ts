import type { Request, Response } from "express";
import { ipKeyGenerator, type Options, rateLimit } from "express-rate-limit";

import { getUser } from "~/auth/session.server";
import { getEnv } from "~/utils/env.server";
import { clientAddress } from "./client-address.server";
import { hasSessionCookie } from "./cookie-names";
import { refuse } from "./refusal.server";

function tooMany(req: Request, res: Response) {
  refuse(req, res, 429, "U heeft dit te vaak geprobeerd. Wacht even en probeer het dan opnieuw.");
}

/** The network address as TRUST_PROXY says to read it; IPv6 addresses count per /56, as one household. */
const addressKey = (req: Request) => `address:${ipKeyGenerator(clientAddress(req))}`;

/** A limit per network address that answers 429 with `Retry-After` and a Dutch message. */
function limitPerAddress(windowMinutes: number, limit: () => number, options: Partial<Options> = {}) {
  return rateLimit({
    windowMs: windowMinutes * 60 * 1000,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: tooMany,
    keyGenerator: addressKey,
    // X-Forwarded-For is ignored on purpose unless TRUST_PROXY says otherwise (client-address.server.ts).
    validate: { xForwardedForHeader: false, trustProxy: false },
    ...options,
  });
}

// The limits come from the environment (LOGIN_RATE_LIMIT, REGISTRATION_RATE_LIMIT, POSTING_RATE_LIMIT), read per request,
// so a load test from one address can raise them without a code path that switches them off.

/** Failed log-ins per network address per 15 minutes; the limit per account is login-throttle.server.ts's. */
export const loginRateLimit = limitPerAddress(15, () => getEnv().LOGIN_RATE_LIMIT, { skipSuccessfulRequests: true });

/** Account requests: 10 an hour from one network address, against sign-up floods. */
export const registrationRateLimit = limitPerAddress(60, () => getEnv().REGISTRATION_RATE_LIMIT);

/**
 * Everything else that writes (proposals, comments, answers, agenda decisions, account changes): 30 a
 * minute per account — members of one organisation often share a network address, so the key is the
 * session's user (however its cookie is spelled, on any device), else the address.
 */
export const postingRateLimit = limitPerAddress(1, () => getEnv().POSTING_RATE_LIMIT, {
  keyGenerator: async (req) => {
    const cookie = req.headers.cookie;
    if (hasSessionCookie(cookie)) {
      const user = await getUser(new globalThis.Request("http://leertuin.invalid/", { headers: { cookie: cookie! } }));
      if (user) return `user:${user.id}`;
    }
    return addressKey(req);
  },
});
