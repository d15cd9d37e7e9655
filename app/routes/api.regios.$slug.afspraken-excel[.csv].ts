import type { LoaderFunctionArgs } from "@remix-run/node";

import { listRegionNames } from "~/models/region.server";
import { listThemes } from "~/models/theme.server";
import { regionAnswersExcelCsv } from "~/open-data/excel-csv.server";
import { loadRegionAnswers } from "~/open-data/load.server";
import { OPEN_DATA_HEADERS } from "~/open-data/responses.server";
import { getDb } from "~/utils/db.server";

// GET /api/regios/:slug/afspraken-excel.csv — the same answers for a spreadsheet with Dutch settings.
export function loader({ params }: LoaderFunctionArgs) {
  const { document, error } = loadRegionAnswers(params);
  if (error) return error;
  const db = getDb();
  const labels = {
    themes: Object.fromEntries(listThemes(db).map((t) => [t.slug, t.label])),
    regions: Object.fromEntries(listRegionNames(db).map((r) => [r.slug, r.name])),
  };
  return new Response(regionAnswersExcelCsv(document, labels), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="afspraken-${document.region.slug}-excel.csv"`,
    },
  });
}
