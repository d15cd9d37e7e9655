// Finding 2 of issue #17: limits per address and per account for log-in, behind a proxy that is
// trusted (TRUST_PROXY=1), so each test can speak from another client address. A slow-down for the
// account+address pair, never a lock-out that someone else can cause.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO } from "../support/http";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
beforeAll(async () => {
  process.env.TRUST_PROXY = "1";
  server = await startTestServer();
});
afterAll(() => server.close());

const attempt = (from: string, email: string, password: string) =>
  fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
    body: new URLSearchParams({ email, password }),
  });

describe("log-in limits behind a trusted proxy", () => {
  it("slows down one account from one address with a growing Retry-After, not the account elsewhere", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("203.0.113.1", DEMO.member, `fout-${i}`)).status).toBe(400);
    const slowed = await attempt("203.0.113.1", DEMO.member, "leertuin-demo");
    expect(slowed.status).toBe(429);
    const wait = Number(slowed.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(await slowed.text()).toContain("te vaak");
    // The owner, from their own address, still gets in: the attacker cannot lock them out.
    expect((await attempt("203.0.113.2", DEMO.member, "leertuin-demo")).status).toBe(302);
    // The same address may still log in to another account.
    expect((await attempt("203.0.113.1", DEMO.otherMember, "leertuin-demo")).status).toBe(302);
  });

  it("gives an account under attack from many addresses one free try per address", async () => {
    for (let i = 0; i < 20; i++)
      expect((await attempt(`198.51.100.${i + 1}`, DEMO.otherFacilitator, `fout-${i}`)).status).toBe(400);
    expect((await attempt("198.51.100.200", DEMO.otherFacilitator, "nog-een-fout")).status).toBe(400);
    const slowed = await attempt("198.51.100.200", DEMO.otherFacilitator, "en-nog-een");
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThan(0);
    // The owner's first try from their own address still counts.
    expect((await attempt("192.0.2.50", DEMO.otherFacilitator, "leertuin-demo")).status).toBe(302);
  });

  it("limits one address across accounts, whatever X-Forwarded-For it adds in front", async () => {
    const accounts = [DEMO.admin, DEMO.facilitator, DEMO.pending];
    for (let i = 0; i < 10; i++)
      expect((await attempt(`10.9.9.${i}, 192.0.2.77`, accounts[i % 3]!, `fout-${i}`)).status).toBe(400);
    const blocked = await attempt("10.9.9.99, 192.0.2.77", DEMO.admin, "leertuin-demo");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
