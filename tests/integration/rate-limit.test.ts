// In a file of its own: the limiter's memory lives as long as the server process of this file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const attempt = (password: string) =>
  fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "lid.zeeland@leertuin.test", password }),
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
