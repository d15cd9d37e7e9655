import type { LoaderFunctionArgs } from "@remix-run/node";

import { loadRegionAnswers } from "~/open-data/load.server";
import { OPEN_DATA_HEADERS } from "~/open-data/responses.server";
import { regionAnswersCsv } from "~/open-data/shapes.server";

// GET /api/regios/:slug/afspraken.csv — the same answers as the JSON, one row each.
export function loader({ params }: LoaderFunctionArgs) {
  const { document, error } = loadRegionAnswers(params);
  if (error) return error;
  return new Response(regionAnswersCsv(document), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="afspraken-${document.region.slug}.csv"`,
    },
  });
}
