// In a file of its own: the limiter's memory lives as long as the server process of this file.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

// The default limit (the test server raises it for other files).
process.env.POSTING_RATE_LIMIT = "30";
const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

// Each failure names another account: one account from one address is slowed down sooner (login-throttle.test.ts).
const attempt = (password: string, email = `onbekend-${password}@voorbeeld.nl`) =>
  fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });

// The posting test logs in, so it runs before the log-in limiter is used up.
describe("posting rate limit", () => {
  it("answers 429 after 30 writes in a minute from one session, and leaves other sessions alone", async () => {
    const member = await http.logIn(DEMO.otherMember);
    const slug = http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' limit 1")!.slug;
    const comment = (cookie: string, i: number) =>
      http.post(`/dilemmas/${slug}`, { intent: "comment", body: `Reactie nummer ${i}` }, cookie);
    for (let i = 0; i < 30; i++) expect((await comment(member, i)).status).toBe(200);
    const blocked = await comment(member, 30);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(http.one("select count(*) as n from comments")).toEqual({ n: 30 });
    expect((await comment(await http.logIn(DEMO.facilitator), 31)).status).toBe(200);
  });

  // Issue #17, finding 11: the bucket is the session's user, not the cookie's spelling.
  it("keeps one bucket for a session however its cookie is spelled, and for all sessions of one account", async () => {
    const member = await http.logIn(DEMO.member);
    const [name, value] = member.split("=") as [string, string];
    const first = value.charCodeAt(0).toString(16).toUpperCase();
    const respelled = `${name}=%${first}${value.slice(1)}`;
    expect((await http.get("/account", respelled)).status).toBe(200);
    const slug = http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' limit 1")!.slug;
    const comment = (cookie: string, i: number) =>
      http.post(`/dilemmas/${slug}`, { intent: "comment", body: `Bericht nummer ${i}` }, cookie);
    for (let i = 0; i < 30; i++) expect((await comment(member, i)).status).toBe(200);
    expect((await comment(respelled, 30)).status).toBe(429);
    expect((await comment(await http.logIn(DEMO.member), 31)).status).toBe(429);
  });
});

describe("log-in rate limit", () => {
  it("answers 429 with a Dutch message and Retry-After after 10 failed attempts", async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(`fout-${i}`)).status).toBe(400);
    const blocked = await attempt("leertuin-demo", "lid.zeeland@leertuin.test");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("te vaak geprobeerd");
  });

  // Issue #17, finding 2: without TRUST_PROXY the socket's address counts, not a header anyone can send.
  it("ignores X-Forwarded-For by default: a forged address gives no new attempts", async () => {
    for (let i = 0; i < 5; i++) {
      const forged = await fetch(`${server.url}/inloggen`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `198.51.100.${i}` },
        body: new URLSearchParams({ email: "lid.twente@leertuin.test", password: `fout-${i}` }),
      });
      expect(forged.status).toBe(429);
    }
  });
});
