import { and, asc, eq, sql } from "drizzle-orm";

import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export function listRegions(db: Db) {
  return db
    .select({
      id: t.regions.id,
      slug: t.regions.slug,
      name: t.regions.name,
      province: t.regions.province,
      since: t.regions.since,
      organisationCount: sql<number>`(select count(*) from organisations o where o.region_id = regions.id)`,
      // The answers in force: a published answer with a published version has exactly one row in
      // current_answer_versions. Counted without the view's per-answer max(version), which costs 2-4×.
      answerCount: sql<number>`(select count(*) from answers a where a.region_id = regions.id and a.status = 'published'
        and exists (select 1 from answer_versions v where v.answer_id = a.id and v.published_at is not null))`,
    })
    .from(t.regions)
    .orderBy(asc(t.regions.name))
    .all();
}

/** Only the names, for labels and choices: without listRegions' counts, which read every answer. */
export function listRegionNames(db: Db) {
  return db
    .select({ id: t.regions.id, slug: t.regions.slug, name: t.regions.name })
    .from(t.regions)
    .orderBy(asc(t.regions.name))
    .all();
}

export function getRegionBySlug(db: Db, slug: string) {
  return db.select().from(t.regions).where(eq(t.regions.slug, slug)).get() ?? null;
}

export function listOrganisations(db: Db, regionId: number) {
  return db
    .select({
      id: t.organisations.id,
      name: t.organisations.name,
      sector: t.organisations.sector,
      origin: t.organisations.origin,
    })
    .from(t.organisations)
    .where(eq(t.organisations.regionId, regionId))
    .orderBy(asc(t.organisations.name))
    .all();
}

export function listFacilitators(db: Db, regionId: number) {
  return db
    .select({ name: t.users.name, profession: t.users.profession, organisation: t.organisations.name })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .leftJoin(t.organisations, eq(t.organisations.id, t.users.organisationId))
    .where(
      and(
        eq(t.memberships.regionId, regionId),
        eq(t.memberships.role, "facilitator"),
        eq(t.memberships.status, "active"),
      ),
    )
    .orderBy(asc(t.users.name))
    .all();
}
