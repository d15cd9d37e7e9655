// Switches a deployment sets in the environment: a LiteFS read replica refuses writes (503 with
// fly-replay) while its `.primary` file exists, and the log-in limit follows LOGIN_RATE_LIMIT.
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO, httpClient, proposalForm } from "../support/http";
import { TMP_DIR } from "../support/paths";
import { startTestServer, type TestServer } from "../support/test-server";

const primaryFile = path.join(TMP_DIR, `litefs-${process.pid}`, ".primary");
let server: TestServer;
let http: ReturnType<typeof httpClient>;
beforeAll(async () => {
  fs.mkdirSync(path.dirname(primaryFile), { recursive: true });
  process.env.LITEFS_PRIMARY_FILE = primaryFile;
  process.env.LOGIN_RATE_LIMIT = "3";
  server = await startTestServer();
  http = httpClient(server);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(path.dirname(primaryFile), { recursive: true, force: true });
});

const proposals = () => http.one<{ n: number }>("select count(*) as n from dilemmas where status = 'proposed'")!.n;
const propose = (cookie: string) =>
  http.post(
    "/voorstellen",
    proposalForm({
      title: "Zorgen over een leerling op de opvang",
      question: "Mag de opvang het wijkteam vertellen dat een kind vaak afwezig is?",
      situation: "Een kind komt sinds de zomer vaak niet naar de opvang en de medewerker twijfelt.",
      purpose: "",
    }),
    cookie,
  );

describe("a LiteFS read replica", () => {
  it("refuses writes with 503 and fly-replay to the primary while .primary exists, and serves reads", async () => {
    const member = await http.logIn(DEMO.member);
    fs.writeFileSync(primaryFile, "machine-primary-1\n");
    try {
      const refused = await propose(member);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("fly-replay")).toBe("instance=machine-primary-1");
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(await refused.text()).toContain("kan op dit moment niets opslaan");
      expect(proposals()).toBe(0);
      const api = await fetch(`${server.url}/inloggen`, {
        method: "POST",
        headers: { accept: "application/json" },
        body: new URLSearchParams({ email: DEMO.member, password: "x" }),
      });
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: expect.stringContaining("niets opslaan") });
      expect((await http.get("/dilemmas", member)).status).toBe(200);
    } finally {
      fs.rmSync(primaryFile);
    }
    // Promoted (LiteFS removed the file): writes go through again.
    expect((await propose(member)).status).toBe(302);
    expect(proposals()).toBe(1);
  });
});

describe("the log-in limit from the environment", () => {
  it("answers 429 after LOGIN_RATE_LIMIT failed attempts", async () => {
    const attempt = () => http.post("/inloggen", { email: DEMO.otherMember, password: "fout" });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(400);
    expect((await attempt()).status).toBe(429);
  });
});
