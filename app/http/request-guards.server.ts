import type { NextFunction, Request, Response } from "express";

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
  const own = `${req.protocol}://${req.get("host")}`;
  const claimed = req.get("origin") ?? originOf(req.get("referer"));
  if (claimed !== undefined && claimed !== own) {
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
