import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { hashPassword, PasswordRuleSchema, verifyPassword } from "~/auth/password.server";
import { passwordProblem } from "~/auth/password-strength.server";
import { PersonSchema } from "~/auth/registration.server";
import type { Db, Executor } from "~/utils/db.server";
import * as t from "../../db/schema";
import { countAdmins } from "./roles.server";

export const ProfileSchema = z.object({
  name: PersonSchema.shape.name,
  profession: PersonSchema.shape.profession,
  // Empty means "no organisation": a member may choose not to name one.
  organisation: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ message: "Kies een organisatie uit de lijst." })
      .int()
      .positive("Kies een organisatie uit de lijst.")
      .optional(),
  ),
});

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Vul uw huidige wachtwoord in.").max(1000),
    newPassword: PasswordRuleSchema,
    newPasswordRepeat: z.string(),
  })
  .refine((f) => f.newPassword === f.newPasswordRepeat, {
    path: ["newPasswordRepeat"],
    message: "De twee wachtwoorden zijn niet gelijk.",
  });

export const AccountDeletionSchema = z.object({
  confirmPassword: z.string().min(1, "Vul uw wachtwoord in om het verwijderen te bevestigen.").max(1000),
});

/** Reads work on the database and inside a transaction alike. */
type Reader = Pick<Db, "select">;

export function getAccount(db: Reader, userId: number) {
  return (
    db
      .select({
        id: t.users.id,
        email: t.users.email,
        name: t.users.name,
        profession: t.users.profession,
        organisationId: t.users.organisationId,
        isAdmin: t.users.isAdmin,
      })
      .from(t.users)
      .where(eq(t.users.id, userId))
      .get() ?? null
  );
}

/**
 * The organisations a user may name: those of the regions they belong to or asked to join, plus the
 * one they have now (so saving the form never drops it silently).
 */
export function organisationChoices(db: Db, userId: number, currentOrganisationId: number | null) {
  const regionIds = db
    .select({ regionId: t.memberships.regionId })
    .from(t.memberships)
    .where(and(eq(t.memberships.userId, userId), ne(t.memberships.status, "rejected")))
    .all()
    .map((m) => m.regionId);
  const rows = db
    .select({ id: t.organisations.id, name: t.organisations.name, regionId: t.regions.id, regionName: t.regions.name })
    .from(t.organisations)
    .innerJoin(t.regions, eq(t.regions.id, t.organisations.regionId))
    .orderBy(asc(t.regions.name), asc(t.organisations.name))
    .all()
    .filter((o) => regionIds.includes(o.regionId) || o.id === currentOrganisationId);
  const groups = new Map<string, { id: number; name: string }[]>();
  for (const o of rows) groups.set(o.regionName, [...(groups.get(o.regionName) ?? []), { id: o.id, name: o.name }]);
  return [...groups].map(([regionName, organisations]) => ({ regionName, organisations }));
}

type Refusal<F extends string> = { ok: false; field: F; message: string };

export function updateProfile(
  db: Db,
  userId: number,
  form: z.infer<typeof ProfileSchema>,
): { ok: true; changed: boolean } | Refusal<"organisation"> {
  const account = getAccount(db, userId);
  if (!account) throw new Error(`no user ${userId}`);
  const organisationId = form.organisation ?? null;
  const allowed = organisationChoices(db, userId, account.organisationId).flatMap((g) =>
    g.organisations.map((o) => o.id),
  );
  if (organisationId !== null && !allowed.includes(organisationId)) {
    return { ok: false, field: "organisation", message: "Kies een organisatie uit een regio waar u lid van bent." };
  }
  // Which fields changed, never their values: the audit log outlives what it describes.
  const changed = [
    account.name !== form.name && "naam",
    account.profession !== form.profession && "beroep",
    account.organisationId !== organisationId && "organisatie",
  ].filter(Boolean);
  if (changed.length === 0) return { ok: true, changed: false };
  db.transaction((tx) => {
    tx.update(t.users)
      .set({ name: form.name, profession: form.profession, organisationId, updatedAt: new Date().toISOString() })
      .where(eq(t.users.id, userId))
      .run();
    recordAudit(tx, {
      actorId: userId,
      action: "account.updated",
      targetType: "user",
      targetId: userId,
      summary: `gewijzigd: ${changed.join(", ")}`,
    });
  });
  return { ok: true, changed: true };
}

async function passwordMatches(db: Db, userId: number, password: string) {
  const row = db.select({ passwordHash: t.users.passwordHash }).from(t.users).where(eq(t.users.id, userId)).get();
  return row ? verifyPassword(row.passwordHash, password) : false;
}

/** Sets a new password and ends every other session of the user; the session making the change stays. */
export async function changePassword(
  db: Db,
  input: { userId: number; currentSessionHash: string; currentPassword: string; newPassword: string },
): Promise<{ ok: true; endedSessions: number } | Refusal<"currentPassword" | "newPassword">> {
  if (!(await passwordMatches(db, input.userId, input.currentPassword))) {
    return { ok: false, field: "currentPassword", message: "Dit is niet uw huidige wachtwoord." };
  }
  const weak = await passwordProblem(input.newPassword, getAccount(db, input.userId) ?? {});
  if (weak) return { ok: false, field: "newPassword", message: weak };
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = db.transaction((tx) => {
    tx.update(t.users)
      .set({ passwordHash, updatedAt: new Date().toISOString() })
      .where(eq(t.users.id, input.userId))
      .run();
    const ended = tx
      .delete(t.sessions)
      .where(and(eq(t.sessions.userId, input.userId), ne(t.sessions.idHash, input.currentSessionHash)))
      .run().changes;
    recordAudit(tx, {
      actorId: input.userId,
      action: "account.password-changed",
      targetType: "user",
      targetId: input.userId,
      summary: `andere sessies beëindigd: ${ended}`,
    });
    return ended;
  });
  return { ok: true, endedSessions };
}

export function isLastAdmin(db: Reader, userId: number): boolean {
  return Boolean(getAccount(db, userId)?.isAdmin) && countAdmins(db) <= 1;
}

/**
 * Deletes the account in one transaction. The foreign keys do the rest: memberships, sessions and
 * password resets go with the user; comments, proposed dilemmas, answer versions and audit entries
 * stay, with the person set to null (a comment then reads "voormalig lid"). The audit entry of the
 * deletion names no one: its actor becomes null with the row it pointed to.
 */
export async function deleteAccount(
  db: Db,
  input: { userId: number; password: string },
): Promise<{ ok: true } | Refusal<"confirmPassword"> | { ok: false; field: null; message: string }> {
  if (!(await passwordMatches(db, input.userId, input.password))) {
    return {
      ok: false,
      field: "confirmPassword",
      message: "Dit is niet uw wachtwoord. Uw account is niet verwijderd.",
    };
  }
  return db.transaction((tx) => {
    if (isLastAdmin(tx, input.userId)) {
      return {
        ok: false as const,
        field: null,
        message:
          "U bent de enige platformbeheerder. Maak eerst iemand anders beheerder; daarna kunt u uw account verwijderen.",
      };
    }
    recordAudit(tx, {
      actorId: input.userId,
      action: "account.deleted",
      targetType: "user",
      targetId: input.userId,
      summary: "door het lid zelf",
    });
    tx.delete(t.users).where(eq(t.users.id, input.userId)).run();
    return { ok: true as const };
  });
}

/** A new account and its audit entry, in the caller's transaction (the command line, the demo accounts). */
export function insertAccount(tx: Executor, values: typeof t.users.$inferInsert, summary: string): number {
  const user = tx.insert(t.users).values(values).returning({ id: t.users.id }).get();
  recordAudit(tx, { actorId: null, action: "account.create", targetType: "user", targetId: user.id, summary });
  return user.id;
}
