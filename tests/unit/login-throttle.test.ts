import { describe, expect, it } from "vitest";

import {
  loginWaitMessage,
  loginWaitSeconds,
  recordLoginFailure,
  recordLoginSuccess,
} from "~/http/login-throttle.server";
import { csvCell } from "~/open-data/csv-cell";

describe("the log-in slow-down", () => {
  it("lets five failures pass, then doubles the wait per failure up to 15 minutes", () => {
    const t0 = 1_000_000_000_000;
    const fail = (i: number) => recordLoginFailure("a@voorbeeld.nl", "192.0.2.1", t0 + i);
    for (let i = 0; i < 5; i++) {
      expect(loginWaitSeconds("A@Voorbeeld.nl ", "192.0.2.1", t0 + i)).toBe(0);
      fail(i);
    }
    const waits = [];
    for (let i = 5; i < 20; i++) {
      waits.push(loginWaitSeconds("a@voorbeeld.nl", "192.0.2.1", t0 + i));
      fail(i);
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(15 * 60);
    // Another address for the same account, and the same address for another account, are not slowed.
    expect(loginWaitSeconds("a@voorbeeld.nl", "192.0.2.2", t0 + 20)).toBe(0);
    expect(loginWaitSeconds("b@voorbeeld.nl", "192.0.2.1", t0 + 20)).toBe(0);
    recordLoginSuccess("a@voorbeeld.nl", "192.0.2.1");
    expect(loginWaitSeconds("a@voorbeeld.nl", "192.0.2.1", t0 + 21)).toBe(0);
  });

  it("says the wait in Dutch", () => {
    expect(loginWaitMessage(4)).toContain("Wacht 4 seconden");
    expect(loginWaitMessage(900)).toContain("Wacht 15 minuten");
  });
});

describe("csvCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+31 6", "'+31 6"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["gewone tekst", "gewone tekst"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j becomes %j", (cell, safe) => {
    expect(csvCell(cell)).toBe(safe);
  });
});
