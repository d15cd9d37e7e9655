// Every route × every role, from one table. A route file without a row here fails the last test:
// adding a page means deciding, here, who may use it.
import crypto from "node:crypto";
import fs from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { httpClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/test-server";

const ROLES = {
  visitor: null,
  pending: "nieuw@leertuin.test",
  member: "lid.zeeland@leertuin.test",
  facilitator: "begeleider.zeeland@leertuin.test",
  otherFacilitator: "begeleider.twente@leertuin.test",
  admin: "admin@leertuin.test",
} as const;
type Role = keyof typeof ROLES;

/** ok: served (2xx, or a redirect that is not to the log-in page); login: sent to log in; 403/404. */
type Outcome = "ok" | "login" | "403" | "404";
type Expectation = Record<Role, Outcome>;

const EVERYONE: Expectation = { visitor: "ok", pending: "ok", member: "ok", facilitator: "ok", otherFacilitator: "ok", admin: "ok" };
const LOGGED_IN: Expectation = { ...EVERYONE, visitor: "login" };
const ANY_FACILITATOR: Expectation = { ...LOGGED_IN, pending: "403", member: "403" };
const ZEELAND_FACILITATOR: Expectation = { ...ANY_FACILITATOR, otherFacilitator: "403" };

/** Records the cases need, looked up in the test's fresh database. */
interface Fixture {
  pendingMembershipId: number;
  zeelandMemberId: number;
  resetToken: string;
}

interface Case {
  /** The file in app/routes (without extension) that answers. */
  route: string;
  method: "GET" | "POST";
  path: string | ((f: Fixture) => string);
  form?: (f: Fixture) => Record<string, string>;
  expect: Expectation;
}

const MATRIX: Case[] = [
  { route: "_index", method: "GET", path: "/", expect: EVERYONE },
  { route: "$", method: "GET", path: "/bestaat-niet", expect: { visitor: "404", pending: "404", member: "404", facilitator: "404", otherFacilitator: "404", admin: "404" } },
  { route: "dilemmas._index", method: "GET", path: "/dilemmas", expect: EVERYONE },
  { route: "dilemmas.$slug._index", method: "GET", path: "/dilemmas/dreigende-huisuitzetting-gezin-met-kinderen", expect: EVERYONE },
  { route: "dilemmas.$slug.afspraken.$regio.$versie", method: "GET", path: "/dilemmas/dreigende-huisuitzetting-gezin-met-kinderen/afspraken/zeeland/1", expect: EVERYONE },
  { route: "beroepscodes._index", method: "GET", path: "/beroepscodes", expect: EVERYONE },
  { route: "beroepscodes.$slug", method: "GET", path: "/beroepscodes/avg", expect: EVERYONE },
  { route: "regios._index", method: "GET", path: "/regios", expect: EVERYONE },
  { route: "regios.$slug._index", method: "GET", path: "/regios/zeeland", expect: EVERYONE },
  { route: "zoeken", method: "GET", path: "/zoeken?q=school", expect: EVERYONE },
  { route: "api.search", method: "GET", path: "/api/search?q=school", expect: EVERYONE },
  { route: "inloggen", method: "GET", path: "/inloggen", expect: EVERYONE },
  { route: "registreren", method: "GET", path: "/registreren", expect: EVERYONE },
  { route: "registreren_.bedankt", method: "GET", path: "/registreren/bedankt", expect: LOGGED_IN },
  { route: "uitloggen", method: "POST", path: "/uitloggen", form: () => ({}), expect: EVERYONE },
  { route: "wachtwoord-herstellen.$token", method: "GET", path: (f) => `/wachtwoord-herstellen/${f.resetToken}`, expect: EVERYONE },
  { route: "beheer.leden", method: "GET", path: "/beheer/leden", expect: ANY_FACILITATOR },
  {
    route: "beheer.leden",
    method: "POST",
    path: "/beheer/leden",
    form: (f) => ({ intent: "approve", membershipId: String(f.pendingMembershipId) }),
    expect: ZEELAND_FACILITATOR,
  },
  {
    route: "beheer.leden",
    method: "POST",
    path: "/beheer/leden",
    form: (f) => ({ intent: "reset-link", userId: String(f.zeelandMemberId) }),
    expect: ZEELAND_FACILITATOR,
  },
  { route: "beheer.logboek", method: "GET", path: "/beheer/logboek", expect: ANY_FACILITATOR },
  { route: "beheer.logboek", method: "GET", path: "/beheer/logboek?regio=zeeland", expect: { ...ZEELAND_FACILITATOR, otherFacilitator: "404" } },
];

let server: TestServer;
let http: ReturnType<typeof httpClient>;
beforeAll(async () => {
  server = await startTestServer();
  http = httpClient(server);
});
afterAll(() => server.close());

function fixture(): Fixture {
  const db = server.db().$client;
  const id = (sql: string, ...args: string[]) => (db.prepare(sql).get(...args) as { id: number }).id;
  const resetToken = crypto.randomBytes(32).toString("base64url");
  const zeelandMemberId = id("select id from users where email = ?", ROLES.member);
  db.prepare("insert into password_resets (token_hash, user_id, expires_at) values (?, ?, ?)").run(
    crypto.createHash("sha256").update(resetToken).digest("hex"),
    zeelandMemberId,
    new Date(Date.now() + 3_600_000).toISOString(),
  );
  return {
    pendingMembershipId: id("select m.id from memberships m join users u on u.id = m.user_id where u.email = ?", ROLES.pending),
    zeelandMemberId,
    resetToken,
  };
}

function outcome(response: Response): Outcome {
  const location = response.headers.get("location") ?? "";
  if (response.status >= 300 && response.status < 400) return location.startsWith("/inloggen") ? "login" : "ok";
  if (response.status === 403 || response.status === 404) return String(response.status) as Outcome;
  if (response.status < 300) return "ok";
  throw new Error(`unexpected ${response.status}`);
}

describe("permission matrix", () => {
  for (const c of MATRIX) {
    const label = `${c.method} ${typeof c.path === "string" ? c.path : c.route}${c.form ? ` (${Object.keys(c.form({} as Fixture)).join(", ") || "empty form"})` : ""}`;
    it(label, async () => {
      const actual: Partial<Expectation> = {};
      for (const role of Object.keys(ROLES) as Role[]) {
        // Every role starts from the same database: one role's write must not change another's answer.
        server.resetDatabase();
        const f = fixture();
        const email = ROLES[role];
        const cookie = email ? await http.logIn(email) : undefined;
        const path = typeof c.path === "string" ? c.path : c.path(f);
        const response = c.method === "GET" ? await http.get(path, cookie) : await http.post(path, c.form!(f), cookie);
        actual[role] = outcome(response);
      }
      expect(actual).toEqual(c.expect);
    });
  }

  it("has a row for every route file", () => {
    const routes = fs.readdirSync("app/routes").map((file) => file.replace(/\.tsx?$/, ""));
    const covered = new Set(MATRIX.map((c) => c.route));
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });
});
