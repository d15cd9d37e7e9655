import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { getDb, isUniqueViolation } from "~/utils/db.server";
import { slugSchema } from "~/utils/params";
import * as t from "../../db/schema";
import { hashPassword, NewPasswordSchema } from "./password.server";
import { passwordProblem } from "./password-strength.server";

/** Who someone is, as they tell it when they ask for an account. */
export const PersonSchema = z.object({
  name: z.string().trim().min(2, "Vul uw naam in.").max(120, "Gebruik hoogstens 120 tekens."),
  email: z.string().trim().toLowerCase().max(254).email("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
  profession: z.string().trim().min(2, "Vul uw beroep of functie in.").max(120, "Gebruik hoogstens 120 tekens."),
  region: slugSchema("Kies de regio van uw leertuin."),
  organisation: z.coerce.number({ message: "Kies uw organisatie." }).int().positive("Kies uw organisatie."),
});

export const RegistrationSchema = PersonSchema.and(NewPasswordSchema);

export type Registration = z.infer<typeof RegistrationSchema>;

export type RegistrationResult =
  { ok: true; regionSlug: string } | { ok: false; field: keyof Registration; message: string };

/**
 * Creates the account with a pending membership of the region, in one transaction with its audit
 * entries. An address that already has an account gets the same result and the same work (the
 * password is hashed either way), but nothing is stored: the answer must not tell anyone which
 * addresses have an account.
 */
export async function register(form: Registration): Promise<RegistrationResult> {
  const db = getDb();
  const region = db.select().from(t.regions).where(eq(t.regions.slug, form.region)).get();
  if (!region) return { ok: false, field: "region", message: "Kies de regio van uw leertuin." };
  const organisation = db
    .select()
    .from(t.organisations)
    .where(and(eq(t.organisations.id, form.organisation), eq(t.organisations.regionId, region.id)))
    .get();
  if (!organisation)
    return { ok: false, field: "organisation", message: `Kies een organisatie uit de leertuin ${region.name}.` };
  const weak = await passwordProblem(form.password, { email: form.email, name: form.name });
  if (weak) return { ok: false, field: "password", message: weak };
  const passwordHash = await hashPassword(form.password);
  try {
    db.transaction((tx) => {
      const user = tx
        .insert(t.users)
        .values({
          email: form.email,
          name: form.name,
          profession: form.profession,
          organisationId: organisation.id,
          passwordHash,
        })
        .returning({ id: t.users.id })
        .get();
      recordAudit(tx, {
        actorId: user.id,
        action: "account.register",
        targetType: "user",
        targetId: user.id,
        regionId: region.id,
      });
      const membership = tx
        .insert(t.memberships)
        .values({ userId: user.id, regionId: region.id, role: "member", status: "pending" })
        .returning({ id: t.memberships.id })
        .get();
      recordAudit(tx, {
        actorId: user.id,
        action: "membership.request",
        targetType: "membership",
        targetId: membership.id,
        regionId: region.id,
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true, regionSlug: region.slug };
}
