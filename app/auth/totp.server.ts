import crypto from "node:crypto";

import { and, count, eq, gt, isNull, ne } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

import { recordAudit } from "~/audit/audit-log.server";
import type { Db, Executor } from "~/utils/db.server";
import * as t from "../../db/schema";
import { hashToken } from "./tokens.server";
import { openTotpSecret, planResealing, sealTotpSecret } from "./totp-secret-box.server";

export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes per account in ATTEMPT_WINDOW_MINUTES before the code step waits; only someone with the password gets here. */
export const MAX_FAILED_CODES = 5;
export const ATTEMPT_WINDOW_MINUTES = 15;
const ISSUER = "Leertuin";

/** 160 random bits in Base32, as authenticator apps expect. */
export const newTotpSecret = () => generateSecret();

/** The otpauth:// address the app reads from the QR code. */
export const otpauthUri = (secret: string, email: string) => generateURI({ issuer: ISSUER, label: email, secret });

/** The QR code of the address as inline SVG (no image request, nothing the CSP has to allow). */
export const qrCodeSvg = (uri: string) => QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });

/** The secret in groups of four, to type into an app when scanning does not work. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

/** Six digits, spaces allowed (apps show "123 456"). */
const normaliseTotp = (code: string) => code.replace(/\s+/g, "");
/** Recovery codes are shown as "abcde-fghij"; case, spaces and dashes don't matter when typed back. */
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read from paper

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Accepts a code for this time step or one step either side (clock drift), never one used before. */
async function checkTotp(secret: string, code: string, afterTimeStep: number): Promise<number | null> {
  const token = normaliseTotp(code);
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: 30, afterTimeStep });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

export function hasTotp(db: Db, userId: number): boolean {
  return Boolean(db.select().from(t.totpCredentials).where(eq(t.totpCredentials.userId, userId)).get());
}

export function unusedRecoveryCodes(db: Db, userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(t.recoveryCodes)
      .where(and(eq(t.recoveryCodes.userId, userId), isNull(t.recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

/** Failed codes of this account lately, from the audit log (a wrong code is always audited). */
function recentFailures(db: Db, userId: number): number {
  const since = new Date(Date.now() - ATTEMPT_WINDOW_MINUTES * 60_000).toISOString();
  return (
    db
      .select({ n: count() })
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.action, "auth.totp-failed"),
          eq(t.auditLog.targetId, String(userId)),
          gt(t.auditLog.createdAt, since),
        ),
      )
      .get()?.n ?? 0
  );
}

const TOO_MANY = `U heeft te vaak een onjuiste code ingevuld. Wacht ${ATTEMPT_WINDOW_MINUTES} minuten en probeer het dan opnieuw.`;

function recordFailure(db: Db, userId: number, step: string) {
  db.transaction((tx) =>
    recordAudit(tx, {
      actorId: userId,
      action: "auth.totp-failed",
      targetType: "user",
      targetId: userId,
      summary: step,
    }),
  );
}

/**
 * A change of the second factor ends the user's other sessions: one started with the password alone
 * (perhaps by someone else) must not outlive turning two-factor log-in on, nor off.
 */
function endOtherSessions(tx: Executor, userId: number, keepSessionHash: string): number {
  return tx
    .delete(t.sessions)
    .where(and(eq(t.sessions.userId, userId), ne(t.sessions.idHash, keepSessionHash)))
    .run().changes;
}

export type CodeResult = { ok: true; via: "app" | "recovery" } | { ok: false; status: 400 | 429; message: string };

/**
 * The second log-in step: a code from the app or an unused recovery code. A recovery code is used up
 * and a TOTP code's time step is kept, so neither works twice; both in one transaction with their audit entry.
 */
export async function verifySecondFactor(db: Db, userId: number, code: string, step = "inloggen"): Promise<CodeResult> {
  if (recentFailures(db, userId) >= MAX_FAILED_CODES) return { ok: false, status: 429, message: TOO_MANY };
  const credential = db.select().from(t.totpCredentials).where(eq(t.totpCredentials.userId, userId)).get();
  if (!credential)
    return { ok: false, status: 400, message: "Voor dit account is tweestapsverificatie niet ingesteld." };
  const secret = openTotpSecret(userId, credential.secret);
  if (secret === null)
    throw new Error(
      `The authenticator secret of user ${userId} does not open with TOTP_ENCRYPTION_KEYS (a key that is gone, or an altered row).`,
    );
  const timeStep = await checkTotp(secret, code, credential.lastTimeStep);
  if (timeStep !== null) {
    // The update only succeeds if no other request used this or a later step meanwhile.
    const used = db
      .update(t.totpCredentials)
      .set({ lastTimeStep: timeStep })
      .where(and(eq(t.totpCredentials.userId, userId), eq(t.totpCredentials.lastTimeStep, credential.lastTimeStep)))
      .run().changes;
    if (used === 1) return { ok: true, via: "app" };
  }
  const recovery = normaliseRecovery(code);
  if (recovery.length === 10) {
    const usedRecovery = db.transaction((tx) => {
      const changed = tx
        .update(t.recoveryCodes)
        .set({ usedAt: new Date().toISOString() })
        .where(
          and(
            eq(t.recoveryCodes.codeHash, hashToken(recovery)),
            eq(t.recoveryCodes.userId, userId),
            isNull(t.recoveryCodes.usedAt),
          ),
        )
        .run().changes;
      if (changed !== 1) return false;
      const left = tx
        .select({ n: count() })
        .from(t.recoveryCodes)
        .where(and(eq(t.recoveryCodes.userId, userId), isNull(t.recoveryCodes.usedAt)))
        .get()!.n;
      recordAudit(tx, {
        actorId: userId,
        action: "auth.recovery-code-used",
        targetType: "user",
        targetId: userId,
        summary: `${step}; nog ${left} over`,
      });
      return true;
    });
    if (usedRecovery) return { ok: true, via: "recovery" };
  }
  recordFailure(db, userId, step);
  return {
    ok: false,
    status: 400,
    message: "Deze code klopt niet. Vul de zes cijfers in die uw app nu toont, of een ongebruikte herstelcode.",
  };
}

/**
 * Turns two-factor log-in on once a code from the app proves it holds the secret; returns the ten
 * recovery codes to show once (only their hashes are stored).
 */
export async function enableTotp(
  db: Db,
  userId: number,
  secret: string,
  code: string,
  keepSessionHash: string,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; status: 400 | 429; message: string }> {
  if (recentFailures(db, userId) >= MAX_FAILED_CODES) return { ok: false, status: 429, message: TOO_MANY };
  const timeStep = await checkTotp(secret, code, 0);
  if (timeStep === null) {
    recordFailure(db, userId, "instellen");
    return {
      ok: false,
      status: 400,
      message:
        "Deze code klopt niet. Controleer of de klok van uw telefoon goed staat en vul de code in die uw app nu toont.",
    };
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const done = db.transaction((tx) => {
    if (tx.select().from(t.totpCredentials).where(eq(t.totpCredentials.userId, userId)).get()) return false;
    tx.insert(t.totpCredentials)
      .values({ userId, secret: sealTotpSecret(userId, secret), lastTimeStep: timeStep })
      .run();
    tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId)).run();
    tx.insert(t.recoveryCodes)
      .values(codes.map((c) => ({ userId, codeHash: hashToken(normaliseRecovery(c)) })))
      .run();
    secondFactorChanged(tx, userId, keepSessionHash, "auth.totp-enabled");
    return true;
  });
  if (!done) return { ok: false, status: 400, message: "Tweestapsverificatie staat al aan voor uw account." };
  return { ok: true, recoveryCodes: codes };
}

/** A second factor added or removed: the user's other sessions end, and the audit entry says how many. */
function secondFactorChanged(
  tx: Executor,
  userId: number,
  keepSessionHash: string,
  action: "auth.totp-enabled" | "auth.totp-disabled",
) {
  const ended = endOtherSessions(tx, userId, keepSessionHash);
  recordAudit(tx, {
    actorId: userId,
    action,
    targetType: "user",
    targetId: userId,
    summary: `andere sessies beëindigd: ${ended}`,
  });
}

/** Turns two-factor log-in off (the caller checked the password); the code must still be right. */
export async function disableTotp(db: Db, userId: number, code: string, keepSessionHash: string): Promise<CodeResult> {
  const checked = await verifySecondFactor(db, userId, code, "uitzetten");
  if (!checked.ok) return checked;
  db.transaction((tx) => {
    tx.delete(t.totpCredentials).where(eq(t.totpCredentials.userId, userId)).run();
    tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId)).run();
    secondFactorChanged(tx, userId, keepSessionHash, "auth.totp-disabled");
  });
  return checked;
}

/**
 * For someone who lost both the app and the recovery codes (`npm run user:reset-totp`, run by whoever
 * runs the server after checking who asks): the second factor is removed and every session of the
 * account ends, so the next log-in sets a new one up. False when the account had none.
 */
export function resetSecondFactor(db: Db, userId: number): boolean {
  return db.transaction((tx) => {
    const removed = tx.delete(t.totpCredentials).where(eq(t.totpCredentials.userId, userId)).run().changes;
    if (removed === 0) return false;
    tx.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId)).run();
    const ended = tx.delete(t.sessions).where(eq(t.sessions.userId, userId)).run().changes;
    recordAudit(tx, {
      actorId: null,
      action: "auth.totp-reset",
      targetType: "user",
      targetId: userId,
      summary: `via de opdrachtregel; sessies beëindigd: ${ended}`,
    });
    return true;
  });
}

/**
 * At start: seals the secrets stored before they were encrypted and re-seals those of an older key
 * with the first one, in one transaction. Stops the start, changing nothing, when a stored secret opens
 * with none of the keys: those accounts could no longer log in, and the fix is the operator's.
 */
export function resealTotpSecrets(db: Db): number {
  return db.transaction((tx) => {
    const rows = tx
      .select({ userId: t.totpCredentials.userId, secret: t.totpCredentials.secret })
      .from(t.totpCredentials)
      .all();
    const { updates, unreadable } = planResealing(rows);
    if (unreadable.length > 0)
      throw new Error(
        `The authenticator secrets of ${unreadable.length} account(s) (user ids ${unreadable.join(", ")}) open with none of TOTP_ENCRYPTION_KEYS: ` +
          "put the key they were sealed with back in the list (after the current one), or reset their second factor with npm run user:reset-totp.",
      );
    for (const { userId, secret } of updates)
      tx.update(t.totpCredentials).set({ secret }).where(eq(t.totpCredentials.userId, userId)).run();
    return updates.length;
  });
}
