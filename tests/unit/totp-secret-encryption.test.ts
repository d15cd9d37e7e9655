// The authenticator secrets are stored encrypted: a copy of the database does not give away anyone's
// second factor, a row written without the key is refused, and the start seals old plain secrets and
// moves them to a new key.
import crypto from "node:crypto";
import fs from "node:fs";

import { generate, generateSecret } from "otplib";
import { describe, expect, it } from "vitest";

import { useEnvironment } from "../support/env";
import { DEMO } from "../support/http";
import { idOf, useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const setEnv = useEnvironment();

const KEY_A = crypto.randomBytes(32).toString("base64");
const KEY_B = crypto.randomBytes(32).toString("base64");

async function withKeys(env: Record<string, string | undefined>) {
  setEnv(env);
  // The keys are kept per process, beyond the reach of resetModules.
  (await import("~/auth/totp-secret-box.server")).forgetTotpKeys();
  return {
    ...(await import("~/utils/env.server")),
    ...(await import("~/auth/totp.server")),
    ...(await import("~/auth/totp-secret-box.server")),
  };
}

/** The app's code for the next time step: the one after the step that set the factor up. */
const nextCode = (secret: string) => generate({ secret, epoch: (Math.floor(Date.now() / 30_000) + 1) * 30 });

const stored = (userId: number) =>
  (
    database().$client.prepare("select secret from totp_credentials where user_id = ?").get(userId) as {
      secret: string;
    }
  ).secret;
const store = (userId: number, secret: string) =>
  database()
    .$client.prepare("insert or replace into totp_credentials (user_id, secret) values (?, ?)")
    .run(userId, secret);

describe("stored authenticator secrets", () => {
  it("are sealed, bound to their account, and still let the owner log in", async () => {
    const { enableTotp, verifySecondFactor, openTotpSecret } = await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_A });
    const db = database();
    const userId = idOf(db, "users", DEMO.member);
    const secret = generateSecret();
    expect((await enableTotp(db, userId, secret, await generate({ secret }), "none")).ok).toBe(true);

    const row = stored(userId);
    expect(row).toMatch(/^v1\.[0-9a-f]{12}\./);
    expect(row).not.toContain(secret);
    expect(openTotpSecret(userId, row)).toBe(secret);
    expect(await verifySecondFactor(db, userId, await nextCode(secret))).toEqual({ ok: true, via: "app" });

    // The same sealed value on another account does not open there.
    const other = idOf(db, "users", DEMO.facilitator);
    expect(openTotpSecret(other, row)).toBeNull();
    store(other, row);
    await expect(verifySecondFactor(db, other, "123456")).rejects.toThrow(/does not open with TOTP_ENCRYPTION_KEYS/);
  });

  it("refuse a secret written into the database without the key", async () => {
    const { verifySecondFactor } = await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_A });
    const db = database();
    const userId = idOf(db, "users", DEMO.admin);
    const chosen = generateSecret();
    store(userId, chosen);
    await expect(verifySecondFactor(db, userId, await generate({ secret: chosen }))).rejects.toThrow(
      /does not open with TOTP_ENCRYPTION_KEYS/,
    );
    const altered = (await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_A })).sealTotpSecret(userId, chosen);
    store(userId, `${altered.slice(0, -2)}${altered.endsWith("AA") ? "BB" : "AA"}`);
    await expect(verifySecondFactor(db, userId, await generate({ secret: chosen }))).rejects.toThrow();
  });

  it("the start seals secrets stored in plain text, and moves them to a new key put first", async () => {
    const db = database();
    const userId = idOf(db, "users", DEMO.member);
    const secret = generateSecret();
    store(userId, secret); // as every secret was stored before they were encrypted

    let app = await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_A });
    expect(app.resealTotpSecrets(db)).toBe(1);
    const underA = stored(userId);
    expect(underA).not.toContain(secret);
    expect(app.resealTotpSecrets(db)).toBe(0);

    app = await withKeys({ TOTP_ENCRYPTION_KEYS: `${KEY_B}, ${KEY_A}` });
    expect(app.openTotpSecret(userId, underA)).toBe(secret);
    expect(app.resealTotpSecrets(db)).toBe(1);
    expect(stored(userId).split(".")[1]).not.toBe(underA.split(".")[1]);

    // Once moved, the old key can go.
    app = await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_B });
    expect(app.resealTotpSecrets(db)).toBe(0);
    expect(await app.verifySecondFactor(db, userId, await generate({ secret }))).toEqual({ ok: true, via: "app" });
  });

  it("the start stops, changing nothing, when a stored secret opens with none of the keys", async () => {
    const db = database();
    const member = idOf(db, "users", DEMO.member);
    const admin = idOf(db, "users", DEMO.admin);
    const underA = (await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_A })).sealTotpSecret(member, generateSecret());
    store(member, underA);
    store(admin, generateSecret());

    const app = await withKeys({ TOTP_ENCRYPTION_KEYS: KEY_B });
    expect(() => app.resealTotpSecrets(db)).toThrow(
      new RegExp(`1 account\\(s\\) \\(user ids ${member}\\).*npm run user:reset-totp`),
    );
    expect([stored(member), stored(admin)]).toEqual([underA, expect.not.stringMatching(/^v1\./)]);
  });
});

describe("the keys", () => {
  it("must be base64 of 32 bytes each; a bad one stops the start with the setting's name", async () => {
    const { getEnv } = await withKeys({ TOTP_ENCRYPTION_KEYS: `${KEY_A},geheim` });
    expect(() => getEnv()).toThrow(/TOTP_ENCRYPTION_KEYS: expected keys of 32 bytes in base64/);
    const short = await withKeys({ TOTP_ENCRYPTION_KEYS: crypto.randomBytes(16).toString("base64") });
    expect(() => short.getEnv()).toThrow(/TOTP_ENCRYPTION_KEYS/);
    const two = await withKeys({ TOTP_ENCRYPTION_KEYS: `${KEY_A},${KEY_B}` });
    expect(two.getEnv().TOTP_ENCRYPTION_KEYS).toBe(`${KEY_A},${KEY_B}`);
  });

  it("are required in production without demo data", async () => {
    const app = await withKeys({ NODE_ENV: "production", LEERTUIN_DEMO: "0", PUBLIC_URL: "https://leertuin.nl" });
    expect(() => app.checkTotpKeys()).toThrow(/TOTP_ENCRYPTION_KEYS is missing/);
  });

  it("in demo and development: one is made beside the database, readable by its owner only, and kept", async () => {
    const file = `${database().$client.name}`;
    const app = await withKeys({ DATABASE_PATH: file, TOTP_ENCRYPTION_KEYS: undefined });
    const sealed = app.sealTotpSecret(1, "JBSWY3DPEHPK3PXP");
    try {
      expect(fs.statSync(`${file}.totp-key`).mode & 0o777).toBe(0o600);
      const again = await withKeys({ DATABASE_PATH: file, TOTP_ENCRYPTION_KEYS: undefined });
      expect(again.openTotpSecret(1, sealed)).toBe("JBSWY3DPEHPK3PXP");
    } finally {
      fs.rmSync(`${file}.totp-key`, { force: true });
    }
  });
});
