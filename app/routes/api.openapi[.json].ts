import { openApiDocument } from "~/open-data/openapi.server";
import { OPEN_DATA_HEADERS } from "~/open-data/responses.server";

// GET /api/openapi.json — the public API described as OpenAPI 3.1, generated from its zod schemas.
export function loader() {
  return Response.json(openApiDocument(), { headers: OPEN_DATA_HEADERS });
}
