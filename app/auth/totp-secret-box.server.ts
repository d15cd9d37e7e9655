import crypto from "node:crypto";
import fs from "node:fs";

import { getEnv, totpKeyList } from "~/utils/env.server";
import { forgetSingleton, singleton } from "~/utils/singleton.server";

/**
 * The authenticator secrets are stored encrypted (AES-256-GCM), so a copy of the database or of a
 * backup does not give away anyone's second factor, and a row written by someone without the key is
 * refused instead of becoming a second factor they chose. The user's id is bound in as associated data:
 * a sealed secret copied onto another account does not open there.
 *
 * The keys come from TOTP_ENCRYPTION_KEYS (a real deployment must set it): base64 of 32 random bytes each,
 * comma-separated, the first one seals. Older keys after it are only read, and the start re-seals what
 * they sealed with the first one (see resealTotpSecrets), after which they can be dropped. A demo or
 * development run makes one key and keeps it beside the database, like the session secret.
 */

const FORMAT = "v1";
const ALGORITHM = "aes-256-gcm";

interface SealingKey {
  /** Stored with each secret: which key sealed it (a hash of the key, not the key). */
  id: string;
  key: Buffer;
}

const keyId = (key: Buffer) => crypto.createHash("sha256").update(key).digest("hex").slice(0, 12);

/** The keys of a TOTP_ENCRYPTION_KEYS value; null when one of them is not base64 of 32 bytes. */
export function parseTotpKeys(value: string): SealingKey[] | null {
  const keys = totpKeyList(value)?.map((part) => Buffer.from(part, "base64"));
  return keys?.map((key) => ({ id: keyId(key), key })) ?? null;
}

/** The keys, the one that seals first. */
function sealingKeys(): SealingKey[] {
  return singleton("totp-sealing-keys", () => {
    const env = getEnv();
    if (env.TOTP_ENCRYPTION_KEYS) return parseTotpKeys(env.TOTP_ENCRYPTION_KEYS)!; // checked by the env schema
    if (env.NODE_ENV === "production" && env.LEERTUIN_DEMO === "0") {
      throw new Error(
        'TOTP_ENCRYPTION_KEYS is missing: set it to run Leertuin in production, e.g. TOTP_ENCRYPTION_KEYS="$(openssl rand -base64 32)".',
      );
    }
    const file = `${env.DATABASE_PATH}.totp-key`;
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
    const keys = parseTotpKeys(fs.readFileSync(file, "utf8").trim());
    if (!keys) throw new Error(`${file} does not hold a key (base64 of 32 bytes): remove it to make a new one.`);
    return keys;
  });
}

/** Checks at start that the keys can be had (a real deployment without them stops there). */
export const checkTotpKeys = () => void sealingKeys();

/** Forgets the keys kept for this process, so the next call reads the settings again (tests change them). */
export function forgetTotpKeys(): void {
  forgetSingleton("totp-sealing-keys");
}

const associatedData = (userId: number) => Buffer.from(`leertuin-totp:${userId}`);
const b64 = (buffer: Buffer) => buffer.toString("base64url");

/** The secret as it is stored for this user: `v1.<key id>.<iv>.<tag>.<ciphertext>`. */
export function sealTotpSecret(userId: number, secret: string): string {
  const { id, key } = sealingKeys()[0]!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv).setAAD(associatedData(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, id, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(".");
}

const SEALED = /^v1\.([0-9a-f]{12})\.([\w-]{16})\.([\w-]{22})\.([\w-]+)$/;

/** Which key sealed a stored value: its id, or null when the value is not sealed at all. */
const sealedBy = (stored: string) => SEALED.exec(stored)?.[1] ?? null;

/** The secret of a stored value, or null when it is not sealed, sealed by a key we lack, or altered. */
export function openTotpSecret(userId: number, stored: string): string | null {
  const parts = SEALED.exec(stored);
  const sealing = parts && sealingKeys().find((k) => k.id === parts[1]);
  if (!parts || !sealing) return null;
  try {
    const decipher = crypto
      .createDecipheriv(ALGORITHM, sealing.key, Buffer.from(parts[2]!, "base64url"))
      .setAAD(associatedData(userId))
      .setAuthTag(Buffer.from(parts[3]!, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(parts[4]!, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

interface StoredSecret {
  userId: number;
  secret: string;
}

export type Resealing = {
  /** New values for rows stored in plain text (before secrets were encrypted) or sealed by an older key. */
  updates: StoredSecret[];
  /** Users whose stored value no key opens: sealed by a key that is gone, or altered. */
  unreadable: number[];
};

/**
 * What the start has to rewrite: secrets stored before encryption (plain Base32) are sealed, those
 * sealed by an older key re-sealed by the first; anything else that does not open is reported.
 */
export function planResealing(rows: StoredSecret[]): Resealing {
  const current = sealingKeys()[0]!.id;
  const plan: Resealing = { updates: [], unreadable: [] };
  for (const { userId, secret } of rows) {
    const by = sealedBy(secret);
    if (by === current) continue;
    const plain = by === null && /^[A-Z2-7]{16,}=*$/.test(secret) ? secret : openTotpSecret(userId, secret);
    if (plain === null) plan.unreadable.push(userId);
    else plan.updates.push({ userId, secret: sealTotpSecret(userId, plain) });
  }
  return plan;
}
