import type { LoaderFunctionArgs } from "@remix-run/node";

import { isFacilitatorOf } from "~/auth/permissions.server";
import { getUser } from "~/auth/session.server";
import { getRegionBySlug } from "~/models/region.server";
import { listDueAnswers } from "~/review/review-list.server";
import { getDb } from "~/utils/db.server";
import { SlugParamsSchema } from "~/utils/params";
import { versionPath } from "~/utils/paths";

// GET /api/regios/:slug/herziening.json — the region's review list, for its facilitators and admins.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const region = parsed.success ? getRegionBySlug(getDb(), parsed.data.slug) : null;
  if (!region) return Response.json({ error: "Deze regio bestaat niet." }, { status: 404 });
  const user = await getUser(request);
  if (!user || !isFacilitatorOf(user, region.id)) {
    return Response.json(
      { error: "Alleen de leertuinbegeleiders van deze regio en beheerders zien deze lijst." },
      { status: 403 },
    );
  }
  const origin = new URL(request.url).origin;
  const due = listDueAnswers(getDb(), region.id).map((d) => ({
    dilemma: d.dilemmaTitle,
    url: origin + versionPath(d.dilemmaSlug, region.slug, d.version),
    version: d.version,
    review_by: d.reviewBy,
    reasons: d.reasons,
    changedArticles: d.changedArticles.map((a) => a.ref),
  }));
  return Response.json({ due }, { headers: { "Cache-Control": "private, no-store" } });
}
