import type { LoaderFunctionArgs } from "@remix-run/node";

import { loadRegionAnswers } from "~/open-data/load.server";
import { OPEN_DATA_HEADERS } from "~/open-data/responses.server";

// GET /api/regios/:slug/afspraken.json — open data, shape in README "Open data".
export function loader({ params }: LoaderFunctionArgs) {
  const { document, error } = loadRegionAnswers(params);
  return error ?? Response.json(document, { headers: OPEN_DATA_HEADERS });
}
