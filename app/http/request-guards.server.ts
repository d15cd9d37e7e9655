import type { NextFunction, Request, Response } from "express";

import { UNREADABLE_FORM } from "~/utils/forms";
import { publicOrigin } from "./public-origin.server";
import { refuse } from "./refusal.server";

/** The largest request body we accept; Leertuin's forms are text of a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses bodies above MAX_BODY_BYTES (413) before anything reads them. A body of unknown length
 * (chunked) is refused with 411: browsers always send the length of a form.
 */
export function limitBodySize(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = req.headers["content-length"];
  if (length === undefined && req.headers["transfer-encoding"]) {
    return refuse(req, res, 411, "Dit verzoek kan niet worden verwerkt: de lengte van de inhoud ontbreekt.");
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    return refuse(req, res, 413, "Wat u verstuurt is te groot. Maak de tekst korter en probeer het opnieuw.");
  }
  next();
}

/**
 * CSRF defence in depth beside SameSite cookies: a state-changing request whose Origin (or, without
 * one, Referer) names another site is refused. Browsers send Origin with every cross-site POST, so a
 * request without either header does not come from another site's page.
 */
export function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  // The canonical origin, or the address this request came to (the same in development and tests).
  const own = [publicOrigin(), `${req.protocol}://${req.get("host")}`];
  const claimed = req.get("origin") ?? originOf(req.get("referer"));
  if (claimed !== undefined && !own.includes(claimed)) {
    return refuse(req, res, 403, "Dit verzoek komt niet van Leertuin zelf en is daarom geweigerd.");
  }
  next();
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

/**
 * Every action reads a form as browsers send it: url-encoded, or multipart with a boundary. Anything
 * else (text/plain, JSON, no type at all) is refused with 415 here, before an action tries to read it.
 * A multipart body that turns out to be broken is refused with 415 by readForm (utils/forms.ts).
 */
export function refuseUnsupportedBodies(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  // No body at all (a bare POST, as to /uitloggen): an action that reads a form refuses it in readForm.
  if (!type && Number(req.headers["content-length"] ?? 0) === 0 && !req.headers["transfer-encoding"]) return next();
  const [mediaType = "", ...parameters] = type.split(";").map((part) => part.trim());
  if (mediaType === "application/x-www-form-urlencoded") return next();
  if (mediaType === "multipart/form-data" && parameters.some((p) => /^boundary=\S+/.test(p))) return next();
  return refuse(req, res, 415, UNREADABLE_FORM);
}
