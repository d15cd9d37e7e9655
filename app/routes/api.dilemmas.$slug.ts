import type { LoaderFunctionArgs } from "@remix-run/node";

import { loadDilemma } from "~/open-data/load.server";
import { OPEN_DATA_HEADERS } from "~/open-data/responses.server";

// GET /api/dilemmas/:slug — the dilemma with every region's answer and all its published versions.
export function loader({ params }: LoaderFunctionArgs) {
  const { document, error } = loadDilemma(params);
  return error ?? Response.json(document, { headers: OPEN_DATA_HEADERS });
}
