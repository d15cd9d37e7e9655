import { activeMemberships } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { getRegionBySlug } from "~/models/region.server";
import type { Db } from "~/utils/db.server";
import { SlugParam } from "~/utils/params";

// Minimal stand-in for app/utils/reader-region.server.ts, which another branch builds: replace this
// module by that one when both are merged.
const REGION_COOKIE = /(?:^|;\s*)mijn-regio=([^;]*)/;

/** The reader's own region: a member's first approved membership, else a visitor's `mijn-regio` cookie. */
export function ownRegionSlug(db: Db, request: Request, user: SessionUser | null): string | null {
  const membership = user ? activeMemberships(user)[0] : undefined;
  if (membership) return membership.regionSlug;
  const value = REGION_COOKIE.exec(request.headers.get("cookie") ?? "")?.[1];
  const slug = SlugParam.safeParse(value === undefined ? undefined : decodeURIComponent(value));
  return slug.success && getRegionBySlug(db, slug.data) ? slug.data : null;
}
