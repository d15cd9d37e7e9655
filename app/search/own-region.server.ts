import { activeMemberships } from "~/auth/permissions.server";
import { getUser } from "~/auth/session.server";
import { SlugParam } from "~/utils/params";

/** The cookie in which a visitor keeps the region they chose ("Mijn regio"). */
export const MY_REGION_COOKIE = "mijn-regio";

/** The value of one cookie of the request, or null. */
function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export interface OwnRegion {
  slug: string;
  /** Where it came from: the member's first approved membership, or the visitor's cookie. */
  source: "membership" | "cookie";
}

/**
 * The region whose answers search ranks first for this reader: a logged-in member's region (the first
 * approved membership), else the region a visitor chose (a valid slug in the `mijn-regio` cookie).
 */
export async function ownRegionOf(request: Request): Promise<OwnRegion | null> {
  const user = await getUser(request);
  const membership = user ? activeMemberships(user)[0] : undefined;
  if (membership) return { slug: membership.regionSlug, source: "membership" };
  const chosen = SlugParam.safeParse(cookieValue(request, MY_REGION_COOKIE));
  return chosen.success ? { slug: chosen.data, source: "cookie" } : null;
}
