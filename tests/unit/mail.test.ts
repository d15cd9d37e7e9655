// The mail rules that need no server: back-off, schedule moments, timing by preference, what a mail
// may carry, the unsubscribe signature and the SMTP settings.
import { describe, expect, it } from "vitest";

import { useEnvironment } from "../support/env";

const setEnv = useEnvironment();

async function withEnv(env: Record<string, string | undefined>) {
  setEnv(env);
  // The secret is kept per process, beyond the reach of resetModules.
  (await import("~/auth/session-secret.server")).forgetSessionSecret();
  return {
    ...(await import("~/utils/env.server")),
    ...(await import("~/mail/unsubscribe-token.server")),
  };
}

describe("retries", () => {
  it("double the wait from one minute up to six hours, and keep trying for days before giving up", async () => {
    const { retryDelayMs, MAX_ATTEMPTS } = await import("~/mail/mail-worker.server");
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(9)).toBe(256 * 60_000);
    expect(retryDelayMs(10)).toBe(6 * 3600_000);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
    let total = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) total += retryDelayMs(attempt);
    expect(total).toBeGreaterThan(2.5 * 24 * 3600_000);
  });
});

describe("schedule moments", () => {
  it("put the weekly digest on Monday 06:00 UTC and the reminder on the first of the month", async () => {
    const { digestMoment, reminderMoment } = await import("~/mail/schedules.server");
    const at = (iso: string) => digestMoment(new Date(iso)).toISOString();
    expect(at("2026-12-02T19:00:00Z")).toBe("2026-11-30T06:00:00.000Z");
    expect(at("2026-11-30T06:00:00Z")).toBe("2026-11-30T06:00:00.000Z");
    expect(at("2026-11-30T05:59:00Z")).toBe("2026-11-23T06:00:00.000Z");
    expect(at("2026-12-06T23:00:00Z")).toBe("2026-11-30T06:00:00.000Z");
    const month = (iso: string) => reminderMoment(new Date(iso)).toISOString();
    expect(month("2026-12-02T19:00:00Z")).toBe("2026-12-01T06:00:00.000Z");
    expect(month("2026-12-01T05:00:00Z")).toBe("2026-11-01T06:00:00.000Z");
    expect(month("2027-01-01T05:00:00Z")).toBe("2026-12-01T06:00:00.000Z");
  });
});

describe("what a mail carries", () => {
  it("goes at once for a facilitator's agenda by default, weekly otherwise, or as chosen", async () => {
    const { mailTiming } = await import("~/mail/outbox.server");
    expect(mailTiming(null, "proposal-new")).toBe("immediately");
    expect(mailTiming(null, "answer-adopted")).toBe("immediately");
    expect(mailTiming(null, "reply")).toBe("weekly");
    expect(mailTiming("weekly", "proposal-new")).toBe("weekly");
    expect(mailTiming("never", "proposal-new")).toBe("never");
    expect(mailTiming("immediately", "reply")).toBe("immediately");
  });

  it("leaves a facilitator's typed reason in the app", async () => {
    const { mailSafeLine } = await import("~/mail/compose.server");
    expect(
      mailSafeLine("Een afspraak die u voorstelde over te nemen, is niet overgenomen. Reden: de moeder van J. belde."),
    ).toBe("Een afspraak die u voorstelde over te nemen, is niet overgenomen.");
    expect(mailSafeLine('Nieuw voorstel voor leertuin Zeeland: "Zorgen".')).toBe(
      'Nieuw voorstel voor leertuin Zeeland: "Zorgen".',
    );
  });
});

describe("the unsubscribe token", () => {
  it("names its user only when this Leertuin's secret signed it", async () => {
    const secret = "s".repeat(40);
    const { unsubscribeToken, verifyUnsubscribeToken } = await withEnv({ SESSION_SECRET: secret });
    const token = unsubscribeToken(42);
    expect(verifyUnsubscribeToken(token)).toBe(42);
    const signature = token.split(".")[1]!;
    expect(verifyUnsubscribeToken(`43.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(`42.${signature.slice(1)}A`)).toBeNull();
    expect(verifyUnsubscribeToken("42")).toBeNull();
    expect(verifyUnsubscribeToken(`042.${signature}`)).toBeNull();
    const other = await withEnv({ SESSION_SECRET: "t".repeat(40) });
    expect(other.verifyUnsubscribeToken(token)).toBeNull();
  });
});

describe("SMTP_URL and MAIL_FROM", () => {
  it("accept smtp(s) URLs and addresses, and stop the start on anything else", async () => {
    const ok = await withEnv({ SMTP_URL: "smtp://user:pass@mail.example.org:587", MAIL_FROM: "Leertuin <a@b.nl>" });
    expect(ok.getEnv()).toMatchObject({
      SMTP_URL: "smtp://user:pass@mail.example.org:587",
      MAIL_FROM: "Leertuin <a@b.nl>",
    });
    expect((await withEnv({ SMTP_URL: undefined, MAIL_FROM: undefined })).getEnv().SMTP_URL).toBeUndefined();
    for (const bad of ["http://mail.example.org", "mail.example.org:25", "smtp://"]) {
      const { getEnv } = await withEnv({ SMTP_URL: bad });
      expect(() => getEnv(), bad).toThrow(/SMTP_URL/);
    }
    for (const bad of ["leertuin", "Leertuin <leertuin>", "a@b.nl\r\nBcc: c@d.nl"]) {
      const { getEnv } = await withEnv({ MAIL_FROM: bad });
      expect(() => getEnv(), bad).toThrow(/MAIL_FROM/);
    }
    const production = await withEnv({
      NODE_ENV: "production",
      LEERTUIN_DEMO: "0",
      PUBLIC_URL: "https://leertuin.nl",
      SMTP_URL: "smtps://mail.example.org",
      MAIL_FROM: undefined,
    });
    expect(() => production.getEnv()).toThrow(/MAIL_FROM: required with SMTP_URL/);
  });
});
