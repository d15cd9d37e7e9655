import type { Request, Response } from "express";
import { ipKeyGenerator, type Options, rateLimit } from "express-rate-limit";

import { getEnv } from "~/utils/env.server";
import { refuse } from "./refusal.server";

function tooMany(req: Request, res: Response) {
  refuse(req, res, 429, "U heeft dit te vaak geprobeerd. Wacht even en probeer het dan opnieuw.");
}

/** A limit per network address that answers 429 with `Retry-After` and a Dutch message. */
function limitPerAddress(windowMinutes: number, limit: () => number, options: Partial<Options> = {}) {
  return rateLimit({
    windowMs: windowMinutes * 60 * 1000,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: tooMany,
    ...options,
  });
}

// The limits come from the environment (LOGIN_RATE_LIMIT, REGISTRATION_RATE_LIMIT, POSTING_RATE_LIMIT), read per request,
// so a load test from one address can raise them without a code path that switches them off.

/**
 * Failed log-ins: 10 per 15 minutes from one network address, so nobody can guess passwords. Only
 * failures count (a successful log-in costs nothing). Express cannot see the e-mail address without
 * reading the body that Remix reads, so the key is the network address alone.
 */
export const loginRateLimit = limitPerAddress(15, () => getEnv().LOGIN_RATE_LIMIT, { skipSuccessfulRequests: true });

/** Account requests: 10 an hour from one network address, against sign-up floods. */
export const registrationRateLimit = limitPerAddress(60, () => getEnv().REGISTRATION_RATE_LIMIT);

/**
 * Everything else that writes (proposals, comments, answers, agenda decisions, account changes): 30 a
 * minute per session — members of one organisation often share a network address, so the key is the
 * session cookie when there is one, else the address.
 */
export const postingRateLimit = limitPerAddress(1, () => getEnv().POSTING_RATE_LIMIT, {
  keyGenerator: (req) =>
    /(?:^|;\s*)(?:__Host-)?leertuin_sessie=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? ipKeyGenerator(req.ip ?? ""),
});
