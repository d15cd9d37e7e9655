// In a file of its own: the limiter's memory lives as long as the server process of this file.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

const attempt = (password: string) =>
  fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "lid.zeeland@leertuin.test", password }),
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
});

describe("log-in rate limit", () => {
  it("answers 429 with a Dutch message and Retry-After after 10 failed attempts", async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(`fout-${i}`)).status).toBe(400);
    const blocked = await attempt("leertuin-demo");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("te vaak geprobeerd");
  });
});
