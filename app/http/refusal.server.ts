import type { Request, Response } from "express";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Refuses a request before Remix sees it: JSON for API clients, otherwise a small Dutch page, so a
 * person without JavaScript also reads what happened and finds the way back.
 */
export function refuse(req: Request, res: Response, status: number, message: string) {
  res.status(status);
  if (req.accepts(["html", "json"]) === "json") {
    res.json({ error: message });
    return;
  }
  res
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Niet gelukt — Leertuin</title></head><body><main><h1>Niet gelukt</h1><p>${escape(message)}</p>` +
        `<p><a href="/">Naar de startpagina van Leertuin</a></p></main></body></html>`,
    );
}
