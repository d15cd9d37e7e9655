import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { SECTORS } from "~/domain/vocabulary";
import { type Db, isUniqueViolation } from "~/utils/db.server";
import { SLUG_PATTERN } from "~/utils/params";
import * as t from "../../db/schema";

const isRealDate = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);

export const RegionSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "Kies een adres van minstens 2 tekens, zoals noord-veluwe.")
    .max(60, "Gebruik hoogstens 60 tekens.")
    .regex(SLUG_PATTERN, "Gebruik kleine letters, cijfers en losse streepjes, zoals noord-veluwe.")
    // /beheer/regios/nieuw is the form for a new region, so no region can have that address.
    .refine((slug) => slug !== "nieuw", "Dit adres is gereserveerd; kies een ander."),
  name: z.string().trim().min(2, "Vul de naam van de regio in.").max(80, "Gebruik hoogstens 80 tekens."),
  province: z.string().trim().min(2, "Vul de provincie in.").max(80, "Gebruik hoogstens 80 tekens."),
  since: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in als jjjj-mm-dd, zoals 2024-03-01.")
    .refine(isRealDate, "Deze datum bestaat niet."),
  description: z.string().trim().max(5000, "Gebruik hoogstens 5000 tekens."),
});
export type RegionForm = z.infer<typeof RegionSchema>;

export const OrganisationSchema = z.object({
  organisationName: z
    .string()
    .trim()
    .min(2, "Vul de naam van de organisatie in.")
    .max(120, "Gebruik hoogstens 120 tekens."),
  sector: z.enum(SECTORS, { message: "Kies een sector." }),
});
export type OrganisationForm = z.infer<typeof OrganisationSchema>;

type Saved<T> = { ok: true } & T;
type Refused<F extends string> = { ok: false; field: F; message: string };

/** Every region with what an admin weighs: where it came from, its organisations and people. */
export function listRegionsForAdmin(db: Db) {
  const people = (condition: string) =>
    sql<number>`(select count(*) from memberships m where m.region_id = regions.id and ${sql.raw(condition)})`;
  return db
    .select({
      slug: t.regions.slug,
      name: t.regions.name,
      province: t.regions.province,
      since: t.regions.since,
      origin: t.regions.origin,
      organisations: sql<number>`(select count(*) from organisations o where o.region_id = regions.id)`,
      facilitators: people("m.status = 'active' and m.role = 'facilitator'"),
      members: people("m.status = 'active' and m.role = 'member'"),
      pending: people("m.status = 'pending'"),
    })
    .from(t.regions)
    .orderBy(asc(t.regions.name))
    .all();
}

const regionValues = (form: RegionForm) => ({
  slug: form.slug,
  name: form.name,
  province: form.province,
  since: form.since,
  descriptionMd: form.description,
});

const REGION_FIELD_LABELS = {
  slug: "adres",
  name: "naam",
  province: "provincie",
  since: "sinds",
  descriptionMd: "beschrijving",
} as const;

const takenSlug = { ok: false, field: "slug", message: "Er is al een regio met dit adres; kies een ander." } as const;

export function createRegion(db: Db, actorId: number, form: RegionForm): Saved<{ slug: string }> | Refused<"slug"> {
  try {
    db.transaction((tx) => {
      const region = tx
        .insert(t.regions)
        .values({ ...regionValues(form), origin: "app" })
        .returning({ id: t.regions.id })
        .get();
      recordAudit(tx, {
        actorId,
        action: "region.create",
        targetType: "region",
        targetId: region.id,
        regionId: region.id,
        summary: form.slug,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return takenSlug;
    throw error;
  }
  return { ok: true, slug: form.slug };
}

/** Changes a region made in the app; the caller has made sure it is not one from the library. */
export function updateRegion(
  db: Db,
  actorId: number,
  regionId: number,
  form: RegionForm,
): Saved<{ slug: string }> | Refused<"slug"> {
  try {
    db.transaction((tx) => {
      const before = tx
        .select()
        .from(t.regions)
        .where(and(eq(t.regions.id, regionId), eq(t.regions.origin, "app")))
        .get();
      if (!before) throw new Error(`region ${regionId} is not an app region`);
      const values = regionValues(form);
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => before[key] !== values[key]);
      if (changed.length === 0) return;
      tx.update(t.regions)
        .set({ ...values, updatedAt: new Date().toISOString() })
        .where(eq(t.regions.id, regionId))
        .run();
      recordAudit(tx, {
        actorId,
        action: "region.update",
        targetType: "region",
        targetId: regionId,
        regionId,
        summary: `gewijzigd: ${changed.map((key) => REGION_FIELD_LABELS[key]).join(", ")}`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return takenSlug;
    throw error;
  }
  return { ok: true, slug: form.slug };
}

export function getOrganisation(db: Db, regionId: number, organisationId: number) {
  return (
    db
      .select()
      .from(t.organisations)
      .where(and(eq(t.organisations.id, organisationId), eq(t.organisations.regionId, regionId)))
      .get() ?? null
  );
}

const takenName = {
  ok: false,
  field: "organisationName",
  message: "Deze regio heeft al een organisatie met deze naam.",
} as const;

export function addOrganisation(
  db: Db,
  actorId: number,
  regionId: number,
  form: OrganisationForm,
): Saved<object> | Refused<"organisationName"> {
  try {
    db.transaction((tx) => {
      const organisation = tx
        .insert(t.organisations)
        .values({ regionId, name: form.organisationName, sector: form.sector, origin: "app" })
        .returning({ id: t.organisations.id })
        .get();
      recordAudit(tx, {
        actorId,
        action: "organisation.create",
        targetType: "organisation",
        targetId: organisation.id,
        regionId,
        summary: form.sector,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return takenName;
    throw error;
  }
  return { ok: true };
}

/** Renames an organisation made in the app, or changes its sector. */
export function updateOrganisation(
  db: Db,
  actorId: number,
  organisation: { id: number; regionId: number },
  form: OrganisationForm,
): Saved<object> | Refused<"organisationName"> {
  try {
    db.transaction((tx) => {
      const before = tx
        .select()
        .from(t.organisations)
        .where(and(eq(t.organisations.id, organisation.id), eq(t.organisations.origin, "app")))
        .get();
      if (!before) throw new Error(`organisation ${organisation.id} is not an app organisation`);
      const changed = [
        before.name !== form.organisationName && "naam",
        before.sector !== form.sector && "sector",
      ].filter(Boolean);
      if (changed.length === 0) return;
      tx.update(t.organisations)
        .set({ name: form.organisationName, sector: form.sector })
        .where(eq(t.organisations.id, organisation.id))
        .run();
      recordAudit(tx, {
        actorId,
        action: "organisation.update",
        targetType: "organisation",
        targetId: organisation.id,
        regionId: organisation.regionId,
        summary: `gewijzigd: ${changed.join(", ")}`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return takenName;
    throw error;
  }
  return { ok: true };
}
