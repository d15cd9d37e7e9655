import type { Request, Response } from "express";
import { rateLimit } from "express-rate-limit";

function tooMany(_req: Request, res: Response) {
  res.status(429).type("text/plain; charset=utf-8").send("U heeft dit te vaak geprobeerd. Wacht even en probeer het dan opnieuw.");
}

/**
 * Failed log-ins: 10 per 15 minutes from one network address, so nobody can guess passwords. Only
 * failures count (a successful log-in costs nothing). Express cannot see the e-mail address without
 * reading the body that Remix reads, so the key is the network address alone.
 */
export const loginRateLimit = rateLimit({
  windowMs: 15 * 60 * 1000,
  limit: 10,
  standardHeaders: "draft-7",
  legacyHeaders: false,
  skipSuccessfulRequests: true,
  handler: tooMany,
});

/** Account requests: 10 an hour from one network address, against sign-up floods. */
export const registrationRateLimit = rateLimit({
  windowMs: 60 * 60 * 1000,
  limit: 10,
  standardHeaders: "draft-7",
  legacyHeaders: false,
  handler: tooMany,
});
