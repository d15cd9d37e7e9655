import { createCookie } from "@remix-run/node";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { getUser } from "~/auth/session.server";
import { READER_REGION_COOKIE } from "~/http/cookie-names";
import { getDb, preparedPerDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import * as t from "../../db/schema";
import { optionalParam, SlugSchema } from "./params";

export interface ReaderRegion {
  slug: string;
  name: string;
  /** Where the choice comes from: the reader's approved membership, or the visitor's cookie. */
  source: "membership" | "cookie";
}

function regionCookie() {
  return singleton("reader-region-cookie", () =>
    createCookie(READER_REGION_COOKIE, {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().NODE_ENV === "production",
      path: "/",
      maxAge: 365 * 24 * 60 * 60,
    }),
  );
}

const firstMembershipRegion = preparedPerDb((db) =>
  db
    .select({ slug: t.regions.slug, name: t.regions.name })
    .from(t.memberships)
    .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
    .where(and(eq(t.memberships.userId, sql.placeholder("userId")), eq(t.memberships.status, "active")))
    .orderBy(asc(t.memberships.id))
    .limit(1)
    .prepare(),
);

const regionBySlug = preparedPerDb((db) =>
  db
    .select({ slug: t.regions.slug, name: t.regions.name })
    .from(t.regions)
    .where(eq(t.regions.slug, sql.placeholder("slug")))
    .prepare(),
);

/** The region a visitor chose, when the cookie holds the slug of a region that exists. */
export async function chosenRegion(request: Request): Promise<{ slug: string; name: string } | null> {
  const parsed = SlugSchema.safeParse(await regionCookie().parse(request.headers.get("cookie")));
  if (!parsed.success) return null;
  return regionBySlug(getDb()).get({ slug: parsed.data }) ?? null;
}

const readerRegions = new WeakMap<Request, Promise<ReaderRegion | null>>();

/**
 * Which region this reader puts first wherever several regions are listed: a member's region (their
 * first approved membership), else the region a visitor chose with "Mijn regio", else none.
 * Read once per request (loaders of one page may all ask).
 */
export function readerRegion(request: Request): Promise<ReaderRegion | null> {
  let found = readerRegions.get(request);
  if (!found) {
    found = (async () => {
      const user = await getUser(request);
      if (user) {
        const own = firstMembershipRegion(getDb()).get({ userId: user.id });
        if (own) return { ...own, source: "membership" as const };
      }
      const chosen = await chosenRegion(request);
      return chosen ? { ...chosen, source: "cookie" as const } : null;
    })();
    readerRegions.set(request, found);
  }
  return found;
}

/** A stable sort that puts the items of the reader's region first, keeping the order of the rest. */
export function ownRegionFirst<T>(
  items: readonly T[],
  regionSlug: string | null | undefined,
  slugOf: (item: T) => string,
) {
  if (!regionSlug) return [...items];
  return [...items.filter((i) => slugOf(i) === regionSlug), ...items.filter((i) => slugOf(i) !== regionSlug)];
}

/** The form of "Mijn regio": a region slug to remember, or empty to forget the choice. */
export const ReaderRegionFormSchema = z.object({
  regio: z.union([SlugSchema, z.literal("")]),
  /** The page to go back to: a path on this site only (never "//host" or a full URL). */
  terug: optionalParam(
    z
      .string()
      .regex(/^\/(?!\/)[^\s\\]*$/)
      .max(500),
  ),
});

/** The Set-Cookie header that remembers (or, with null, forgets) a visitor's region. */
export function readerRegionCookieHeader(slug: string | null): Promise<string> {
  return slug === null ? regionCookie().serialize("", { maxAge: 0 }) : regionCookie().serialize(slug);
}
