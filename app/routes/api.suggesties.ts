import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { MAX_QUERY_LENGTH } from "~/search/query";
import { suggestTitles } from "~/search/search-service.server";
import { searchParamsObject } from "~/utils/http.server";

const SuggestParamsSchema = z.object({
  q: z
    .string()
    .default("")
    .transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
});

// GET /api/suggesties?q= — titles of dilemmas and articles for a search being typed.
export function loader({ request }: LoaderFunctionArgs) {
  const parsed = SuggestParamsSchema.safeParse(searchParamsObject(request.url));
  if (!parsed.success) return Response.json({ error: "Ongeldige zoekparameter: q.", fields: ["q"] }, { status: 400 });
  return Response.json({ query: parsed.data.q, suggestions: suggestTitles(parsed.data.q) });
}
