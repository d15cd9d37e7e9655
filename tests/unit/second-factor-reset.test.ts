// Resetting a lost second factor (npm run user:reset-totp): the factor, the recovery codes and every
// session go, in one transaction with an audit entry; an account without a second factor is left alone.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { enableTotp, hasTotp, newTotpSecret, resetSecondFactor, unusedRecoveryCodes } from "~/auth/totp.server";
import { DEMO } from "../support/http";
import { idOf, useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

const count = (db: ReturnType<typeof database>, table: string, userId: number) =>
  (db.$client.prepare(`select count(*) as n from ${table} where user_id = ?`).get(userId) as { n: number }).n;

function addSession(db: ReturnType<typeof database>, userId: number, idHash: string) {
  db.$client
    .prepare("insert into sessions (id_hash, user_id, expires_at) values (?, ?, ?)")
    .run(idHash, userId, "2999-01-01T00:00:00.000Z");
}

describe("resetting a lost second factor", () => {
  it("removes the factor and the recovery codes, ends every session and writes the audit entry", async () => {
    const db = database();
    const userId = idOf(db, "users", DEMO.facilitator);
    const secret = newTotpSecret();
    const enabled = await enableTotp(db, userId, secret, await generate({ secret }), "none");
    expect(enabled.ok).toBe(true);
    addSession(db, userId, "a");
    addSession(db, userId, "b");
    expect([hasTotp(db, userId), unusedRecoveryCodes(db, userId), count(db, "sessions", userId)]).toEqual([
      true,
      10,
      2,
    ]);

    expect(resetSecondFactor(db, userId)).toBe(true);

    expect([hasTotp(db, userId), count(db, "recovery_codes", userId), count(db, "sessions", userId)]).toEqual([
      false,
      0,
      0,
    ]);
    const audit = db.$client
      .prepare("select actor_id as actorId, action, target_id as targetId, summary from audit_log order by id desc")
      .get();
    expect(audit).toEqual({
      actorId: null,
      action: "auth.totp-reset",
      targetId: String(userId),
      summary: "via de opdrachtregel; sessies beëindigd: 2",
    });
  });

  it("leaves an account without a second factor, and its sessions, as they were", () => {
    const db = database();
    const userId = idOf(db, "users", DEMO.member);
    addSession(db, userId, "c");
    const auditBefore = db.$client.prepare("select count(*) as n from audit_log").get();
    expect(resetSecondFactor(db, userId)).toBe(false);
    expect(count(db, "sessions", userId)).toBe(1);
    expect(db.$client.prepare("select count(*) as n from audit_log").get()).toEqual(auditBefore);
  });
});
