/** Headers for public, read-only data that any site may fetch. */
export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };

/** A JSON error for the open-data API: 400 for a malformed parameter, 404 for something unknown. */
export function jsonError(status: 400 | 404, error: string, fields?: string[]) {
  return Response.json(fields ? { error, fields } : { error }, { status, headers: OPEN_DATA_HEADERS });
}

/** A feed that does not exist: a short Dutch text, not an HTML page a feed reader cannot use. */
export function feedNotFound(message: string) {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
