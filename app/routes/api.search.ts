import type { LoaderFunctionArgs } from "@remix-run/node";

import { SearchParamsSchema } from "~/search/params";
import { searchLibrary } from "~/search/search-service.server";
import { searchParamsObject } from "~/utils/http.server";

// GET /api/search?q=&type=&regio=&thema=&sector=&oordeel=&pagina=
export function loader({ request }: LoaderFunctionArgs) {
  const parsed = SearchParamsSchema.safeParse(searchParamsObject(request.url));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".")))];
    return Response.json({ error: `Ongeldige zoekparameter: ${fields.join(", ")}.`, fields }, { status: 400 });
  }
  const { mode: _mode, results, ...response } = searchLibrary(parsed.data);
  return Response.json({
    ...response,
    results: results.map(({ regionName: _regionName, ...result }) => result),
  });
}
