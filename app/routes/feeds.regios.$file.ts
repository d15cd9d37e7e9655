import type { LoaderFunctionArgs } from "@remix-run/node";

import { answersAtomFeed, FeedFileSchema } from "~/feeds/atom.server";
import { publicOrigin } from "~/http/public-origin.server";
import { listPublishedVersions } from "~/models/feed.server";
import { getRegionBySlug } from "~/models/region.server";
import { feedNotFound } from "~/open-data/responses.server";
import { getDb } from "~/utils/db.server";
import { regionFeedPath, regionPath } from "~/utils/paths";

// GET /feeds/regios/:slug.atom — the region's new and revised answers.
export function loader({ params }: LoaderFunctionArgs) {
  const slug = FeedFileSchema.safeParse(params.file);
  const db = getDb();
  const region = slug.success ? getRegionBySlug(db, slug.data) : null;
  if (!region) return feedNotFound("Deze regio bestaat niet, dus er is geen feed voor.");
  return answersAtomFeed({
    origin: publicOrigin(),
    selfPath: regionFeedPath(region.slug),
    pagePath: regionPath(region.slug),
    title: `Afspraken van Leertuin ${region.name}`,
    subtitle: `Nieuwe en herziene afspraken van Leertuin ${region.name} op Leertuin.`,
    versions: listPublishedVersions(db, { regionId: region.id }),
    emptyUpdated: region.updatedAt,
  });
}
