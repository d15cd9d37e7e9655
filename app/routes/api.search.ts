import type { LoaderFunctionArgs } from "@remix-run/node";

import { SearchParamsSchema } from "~/search/params";
import { searchLibrary } from "~/search/search-service.server";
import { searchParamsObject } from "~/utils/http.server";
import { readerRegion } from "~/utils/reader-region.server";

// GET /api/search?q=&type=&regio=&thema=&sector=&oordeel=&pagina=
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = SearchParamsSchema.safeParse(searchParamsObject(request.url));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".")))];
    return Response.json({ error: `Ongeldige zoekparameter: ${fields.join(", ")}.`, fields }, { status: 400 });
  }
  // A member's region or a visitor's chosen one ranks first: such an answer is that reader's own.
  const own = await readerRegion(request);
  const { mode: _mode, results, ...response } = searchLibrary(parsed.data, own?.slug);
  return Response.json(
    {
      ...response,
      ownRegion: own?.slug ?? parsed.data.regio ?? null,
      results: results.map(({ regionName: _regionName, ...result }) => result),
    },
    own ? { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } } : undefined,
  );
}
