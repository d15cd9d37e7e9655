// Every route × every role, from one table. A route file without a row here fails the last test:
// adding a page means deciding, here, who may use it.
// It runs as a real deployment does: REQUIRE_TOTP on, with the facilitators and the admin enrolled in
// two-factor log-in and logging in with password and code (tests/integration/two-factor.test.ts covers
// those without an app).
process.env.REQUIRE_TOTP = "1";

import crypto from "node:crypto";
import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { unsubscribeToken } from "../../app/mail/unsubscribe-token.server";
import { ANSWER_FIELDS, httpClient, proposalForm } from "../support/http";
import { useTestServer } from "../support/test-server";
import { enrolTotp, logInWithCode } from "../support/totp";

const ROLES = {
  visitor: null,
  pending: "nieuw@leertuin.test",
  member: "lid.zeeland@leertuin.test",
  facilitator: "begeleider.zeeland@leertuin.test",
  otherFacilitator: "begeleider.twente@leertuin.test",
  admin: "admin@leertuin.test",
} as const;
type Role = keyof typeof ROLES;

/**
 * ok: served (2xx, or a redirect that is not to the log-in page); login: sent to log in; 403/404;
 * 400: let through to the form's own checks, which refuse it.
 */
type Outcome = "ok" | "login" | "400" | "403" | "404";
type Expectation = Record<Role, Outcome>;

const EVERYONE: Expectation = {
  visitor: "ok",
  pending: "ok",
  member: "ok",
  facilitator: "ok",
  otherFacilitator: "ok",
  admin: "ok",
};
const LOGGED_IN: Expectation = { ...EVERYONE, visitor: "login" };
const MEMBERS: Expectation = { ...LOGGED_IN, pending: "403" };
const ANY_FACILITATOR: Expectation = { ...MEMBERS, member: "403" };
const ZEELAND_FACILITATOR: Expectation = { ...ANY_FACILITATOR, otherFacilitator: "403" };
const ADMIN: Expectation = { ...ZEELAND_FACILITATOR, facilitator: "403" };
/** Taking over Zeeland's answer: only a facilitator of another region (or an admin) may. */
const OTHER_REGION_FACILITATOR: Expectation = { ...ANY_FACILITATOR, facilitator: "403" };
const ONLY_AFTER_PASSWORD: Expectation = {
  visitor: "login",
  pending: "login",
  member: "login",
  facilitator: "login",
  otherFacilitator: "login",
  admin: "login",
};
const NOT_FOUND: Expectation = {
  visitor: "404",
  pending: "404",
  member: "404",
  facilitator: "404",
  otherFacilitator: "404",
  admin: "404",
};

/** Records the cases need, made in or looked up from the test's fresh database. */
interface Fixture {
  pendingMembershipId: number;
  zeelandMemberId: number;
  zeelandMemberMembershipId: number;
  resetToken: string;
  /** The signed token of a Zeeland member's unsubscribe link. */
  unsubscribeToken: string;
  /** A Zeeland proposal, and a Zeeland dilemma on the agenda. */
  proposal: { id: number; slug: string };
  agenda: { id: number; slug: string };
  /** A published Zeeland answer on a dilemma Twente has not answered, with a member's comment. */
  answered: { slug: string; version: number; answerId: number };
  commentId: number;
  organisationId: number;
}

interface Case {
  /** The file in app/routes (without extension) that answers. */
  route: string;
  method: "GET" | "POST";
  path: string | ((f: Fixture) => string);
  form?: (f: Fixture, role: Role) => Record<string, string> | URLSearchParams;
  expect: Expectation;
}

function answerForm(f: Fixture) {
  return new URLSearchParams({ intent: "publish", ...ANSWER_FIELDS, dilemma: f.agenda.slug });
}

/** A weighing in the afwegingshulp: public, and nothing of it is stored. */
const WEIGHING_QUERY =
  "sector=huisarts&vrager=veilig-thuis&gegevens=veiligheid&leeftijd=volwassene&toestemming=niet-zonder-gevaar&gevaar=vermoeden";
function weighingForm(extra: Record<string, string>) {
  const form = new URLSearchParams(WEIGHING_QUERY);
  form.set("doel", "Veilig Thuis onderzoekt zorgen over de veiligheid van de kinderen in een gezin.");
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  return form;
}

const get = (route: string, path: Case["path"], expect: Expectation): Case => ({ route, method: "GET", path, expect });
const post = (route: string, path: Case["path"], form: NonNullable<Case["form"]>, expect: Expectation): Case => ({
  route,
  method: "POST",
  path,
  form,
  expect,
});

const MATRIX: Case[] = [
  get("_index", "/", EVERYONE),
  get("$", "/bestaat-niet", NOT_FOUND),
  get("dilemmas._index", "/dilemmas", EVERYONE),
  get("dilemmas.$slug._index", (f) => `/dilemmas/${f.answered.slug}`, EVERYONE),
  get("dilemmas.$slug._index", (f) => `/dilemmas/${f.proposal.slug}`, MEMBERS),
  post(
    "dilemmas.$slug._index",
    (f) => `/dilemmas/${f.answered.slug}`,
    () => ({ intent: "comment", body: "Een reactie." }),
    MEMBERS,
  ),
  post(
    "dilemmas.$slug._index",
    (f) => `/dilemmas/${f.answered.slug}`,
    (f) => ({ intent: "hide", commentId: String(f.commentId), reason: "Hoort hier niet." }),
    ZEELAND_FACILITATOR,
  ),
  get(
    "dilemmas.$slug.afspraken.$regio.$versie",
    (f) => `/dilemmas/${f.answered.slug}/afspraken/zeeland/${f.answered.version}`,
    EVERYONE,
  ),
  get(
    "dilemmas.$slug.afspraken.$regio.bewerken",
    (f) => `/dilemmas/${f.agenda.slug}/afspraken/zeeland/bewerken`,
    ZEELAND_FACILITATOR,
  ),
  post(
    "dilemmas.$slug.afspraken.$regio.bewerken",
    (f) => `/dilemmas/${f.agenda.slug}/afspraken/zeeland/bewerken`,
    answerForm,
    ZEELAND_FACILITATOR,
  ),
  get(
    "dilemmas.$slug.afspraken.$regio.$versie_.overnemen",
    (f) => `/dilemmas/${f.answered.slug}/afspraken/zeeland/${f.answered.version}/overnemen`,
    OTHER_REGION_FACILITATOR,
  ),
  post(
    "dilemmas.$slug.afspraken.$regio.$versie_.overnemen",
    (f) => `/dilemmas/${f.answered.slug}/afspraken/zeeland/${f.answered.version}/overnemen`,
    () => ({ intent: "adopt", region: "twente" }),
    OTHER_REGION_FACILITATOR,
  ),
  get("dilemmas.$slug.vergelijk", (f) => `/dilemmas/${f.answered.slug}/vergelijk`, EVERYONE),
  get("vergelijk", "/vergelijk", EVERYONE),
  get("beroepscodes._index", "/beroepscodes", EVERYONE),
  get("begrippen", "/begrippen", EVERYONE),
  get("beroepscodes.$slug", "/beroepscodes/avg", EVERYONE),
  get("regios._index", "/regios", EVERYONE),
  get("regios.$slug._index", "/regios/zeeland", EVERYONE),
  get("regios.$slug.spelregels", "/regios/zeeland/spelregels", EVERYONE),
  get("regios.$slug.agenda", "/regios/zeeland/agenda", ZEELAND_FACILITATOR),
  post(
    "regios.$slug.agenda",
    "/regios/zeeland/agenda",
    (f) => ({ intent: "accept", dilemmaId: String(f.proposal.id) }),
    ZEELAND_FACILITATOR,
  ),
  get("regios.$slug.herziening", "/regios/zeeland/herziening", ZEELAND_FACILITATOR),
  post(
    "regios.$slug.herziening",
    "/regios/zeeland/herziening",
    (f) => ({ intent: "reconfirm", answerId: String(f.answered.answerId) }),
    ZEELAND_FACILITATOR,
  ),
  get("regios.$slug.herziening", "/regios/bestaat-niet/herziening", NOT_FOUND),
  get("api.regios.$slug.herziening[.json]", "/api/regios/zeeland/herziening.json", {
    ...ZEELAND_FACILITATOR,
    visitor: "403",
  }),
  get("api.regios.$slug.herziening[.json]", "/api/regios/bestaat-niet/herziening.json", NOT_FOUND),
  get("feeds.regios.$file", "/feeds/regios/zeeland.atom", EVERYONE),
  get("feeds.themas.$file", "/feeds/themas/signalen.atom", EVERYONE),
  get("api.regios.$slug.afspraken[.json]", "/api/regios/zeeland/afspraken.json", EVERYONE),
  get("api.regios.$slug.afspraken[.csv]", "/api/regios/zeeland/afspraken.csv", EVERYONE),
  get("api.regios.$slug.afspraken-excel[.csv]", "/api/regios/zeeland/afspraken-excel.csv", EVERYONE),
  get("feeds._index", "/feeds?feed=/feeds/regios/zeeland.atom", EVERYONE),
  get("api.dilemmas.$slug", (f) => `/api/dilemmas/${f.answered.slug}`, EVERYONE),
  get("zoeken", "/zoeken?q=school", EVERYONE),
  get("api.search", "/api/search?q=school", EVERYONE),
  get("afwegen", "/afwegen", EVERYONE),
  get("afwegen", `/afwegen?${WEIGHING_QUERY}`, EVERYONE),
  post("afwegen", "/afwegen", () => weighingForm({ intent: "weigh" }), EVERYONE),
  post("afwegen", "/afwegen", () => weighingForm({ intent: "record", route: "meldrecht", afspraak: "" }), EVERYONE),
  get("afwegen_.afweging[.md]", "/afwegen/afweging.md", EVERYONE),
  post(
    "afwegen_.afweging[.md]",
    "/afwegen/afweging.md",
    () => weighingForm({ route: "meldrecht", afspraak: "" }),
    EVERYONE,
  ),
  get("mijn-regio", "/mijn-regio", EVERYONE),
  post("mijn-regio", "/mijn-regio", () => ({ regio: "twente" }), EVERYONE),
  get("api.suggesties", "/api/suggesties?q=scho", EVERYONE),
  get("privacy", "/privacy", EVERYONE),
  get("toegankelijkheid", "/toegankelijkheid", EVERYONE),
  get("over", "/over", EVERYONE),
  get("api._index", "/api", EVERYONE),
  get("api.openapi[.json]", "/api/openapi.json", EVERYONE),
  get("sitemap[.xml]", "/sitemap.xml", EVERYONE),
  get("robots[.txt]", "/robots.txt", EVERYONE),
  get("[.well-known].security[.txt]", "/.well-known/security.txt", EVERYONE),
  get("voorstellen", "/voorstellen", MEMBERS),
  post(
    "voorstellen",
    "/voorstellen",
    (_f, role) =>
      proposalForm({
        region: role === "otherFacilitator" ? "twente" : "zeeland",
        title: "Zorgen over een gezin",
        purpose: "",
      }),
    MEMBERS,
  ),
  get("meldingen", "/meldingen", LOGGED_IN),
  post("meldingen", "/meldingen", () => ({}), LOGGED_IN),
  get("inloggen", "/inloggen", EVERYONE),
  // The code step only exists after the password step (a signed pending cookie); anyone else starts over.
  get("inloggen_.code", "/inloggen/code", ONLY_AFTER_PASSWORD),
  post("inloggen_.code", "/inloggen/code", () => ({ code: "123456" }), ONLY_AFTER_PASSWORD),
  get("account.tweestapsverificatie", "/account/tweestapsverificatie", LOGGED_IN),
  post(
    "account.tweestapsverificatie",
    "/account/tweestapsverificatie",
    () => ({ intent: "enable", code: "", redirectTo: "/" }),
    {
      ...ONLY_AFTER_PASSWORD,
      pending: "400",
      member: "400",
      facilitator: "400",
      otherFacilitator: "400",
      admin: "400",
    },
  ),
  get("registreren", "/registreren", EVERYONE),
  // Public since issue #17: a registration signs nobody in, so its thanks cannot ask for a session.
  get("registreren_.bedankt", "/registreren/bedankt?regio=twente", EVERYONE),
  post("uitloggen", "/uitloggen", () => ({}), EVERYONE),
  get("wachtwoord-herstellen.$token", (f) => `/wachtwoord-herstellen/${f.resetToken}`, EVERYONE),
  get("account._index", "/account", LOGGED_IN),
  post(
    "account._index",
    "/account",
    () => ({ intent: "profile", name: "Een Nieuwe Naam", profession: "jeugdconsulent", organisation: "" }),
    LOGGED_IN,
  ),
  get("account.gegevens", "/account/gegevens", LOGGED_IN),
  get("beheer.leden", "/beheer/leden", ANY_FACILITATOR),
  post(
    "beheer.leden",
    "/beheer/leden",
    (f) => ({ intent: "approve", membershipId: String(f.pendingMembershipId) }),
    ZEELAND_FACILITATOR,
  ),
  post(
    "beheer.leden",
    "/beheer/leden",
    (f) => ({ intent: "reset-link", userId: String(f.zeelandMemberId) }),
    ZEELAND_FACILITATOR,
  ),
  get("beheer.logboek", "/beheer/logboek", ANY_FACILITATOR),
  get("beheer.logboek", "/beheer/logboek?regio=zeeland", { ...ZEELAND_FACILITATOR, otherFacilitator: "404" }),
  get("beheer._index", "/beheer", ADMIN),
  get("beheer.regios.nieuw", "/beheer/regios/nieuw", ADMIN),
  get("beheer.regios.$slug", "/beheer/regios/zeeland", ADMIN),
  get("beheer.regios.$slug_.organisaties.$id", (f) => `/beheer/regios/zeeland/organisaties/${f.organisationId}`, ADMIN),
  get("beheer.rollen", "/beheer/rollen", ADMIN),
  post(
    "beheer.rollen",
    "/beheer/rollen",
    (f) => ({ intent: "role", membershipId: String(f.zeelandMemberMembershipId), role: "facilitator" }),
    ADMIN,
  ),
  get("beheer.mail", "/beheer/mail", ADMIN),
  // The unsubscribe link needs no log-in: its signed token is the permission; without a valid one it is a 404.
  get("afmelden.$token", (f) => `/afmelden/${f.unsubscribeToken}`, EVERYONE),
  get("afmelden.$token", (f) => `/afmelden/${f.unsubscribeToken}x`, NOT_FOUND),
  post(
    "afmelden.$token",
    (f) => `/afmelden/${f.unsubscribeToken}`,
    () => ({ "List-Unsubscribe": "One-Click" }),
    EVERYONE,
  ),
  post(
    "afmelden.$token",
    (f) => `/afmelden/${f.zeelandMemberId}.${"A".repeat(43)}`,
    () => ({ "List-Unsubscribe": "One-Click" }),
    NOT_FOUND,
  ),
];

const ELEVATED: Role[] = ["facilitator", "otherFacilitator", "admin"];

const server = useTestServer({ resetBetweenTests: false });
const http = httpClient(server);

function fixture(): Fixture {
  const db = server.db().$client;
  const id = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { id: number }).id;
  const resetToken = crypto.randomBytes(32).toString("base64url");
  const zeelandMemberId = id("select id from users where email = ?", ROLES.member);
  db.prepare("insert into password_resets (token_hash, user_id, expires_at) values (?, ?, ?)").run(
    crypto.createHash("sha256").update(resetToken).digest("hex"),
    zeelandMemberId,
    new Date(Date.now() + 3_600_000).toISOString(),
  );
  const zeeland = id("select id from regions where slug = 'zeeland'");
  const dilemma = (slug: string, status: string) => {
    const dilemmaId = Number(
      db
        .prepare(
          "insert into dilemmas (slug, title, question, situation_md, holder_sector, origin_region_id, status, raised_on, proposed_by) values (?, ?, ?, ?, 'onderwijs', ?, ?, '2026-11-01', ?)",
        )
        .run(slug, `Matrix ${status}`, "Mag het?", "Een situatie zonder namen.", zeeland, status, zeelandMemberId)
        .lastInsertRowid,
    );
    db.prepare("insert into dilemma_themes (dilemma_id, theme_slug) values (?, 'signalen')").run(dilemmaId);
    return { id: dilemmaId, slug };
  };
  const answered = db
    .prepare(
      `select d.slug, v.version, d.id, v.answer_id as answerId from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
       where v.region_id = ? and not exists (select 1 from answers a join regions r on r.id = a.region_id where a.dilemma_id = d.id and r.slug = 'twente') limit 1`,
    )
    .get(zeeland) as { slug: string; version: number; id: number; answerId: number };
  const commentId = Number(
    db
      .prepare("insert into comments (dilemma_id, author_id, body_md) values (?, ?, 'Een reactie.')")
      .run(answered.id, zeelandMemberId).lastInsertRowid,
  );
  return {
    pendingMembershipId: id(
      "select m.id from memberships m join users u on u.id = m.user_id where u.email = ?",
      ROLES.pending,
    ),
    zeelandMemberId,
    zeelandMemberMembershipId: id("select id from memberships where user_id = ?", zeelandMemberId),
    resetToken,
    unsubscribeToken: unsubscribeToken(zeelandMemberId),
    proposal: dilemma("matrix-voorstel", "proposed"),
    agenda: dilemma("matrix-agenda", "on-agenda"),
    answered: { slug: answered.slug, version: answered.version, answerId: answered.answerId },
    commentId,
    organisationId: id("select id from organisations where region_id = ? limit 1", zeeland),
  };
}

/** Stand-in records for the labels: forms only need their shape. */
const fakeFixture: Fixture = {
  pendingMembershipId: 0,
  zeelandMemberId: 0,
  zeelandMemberMembershipId: 0,
  resetToken: "",
  unsubscribeToken: "",
  proposal: { id: 0, slug: "" },
  agenda: { id: 0, slug: "" },
  answered: { slug: "", version: 1, answerId: 0 },
  commentId: 0,
  organisationId: 0,
};

function outcome(response: Response): Outcome {
  const location = response.headers.get("location") ?? "";
  if (response.status >= 300 && response.status < 400) return location.startsWith("/inloggen") ? "login" : "ok";
  if (response.status === 400 || response.status === 403 || response.status === 404)
    return String(response.status) as Outcome;
  if (response.status < 300) return "ok";
  throw new Error(`unexpected ${response.status}`);
}

/** "POST /regios/zeeland/agenda (accept)": the request, its route when the path needs records, and its intent. */
function labelOf(c: Case): string {
  const form = c.form?.(fakeFixture, "member");
  const intent = form instanceof URLSearchParams ? form.get("intent") : form?.intent;
  return `${c.method} ${typeof c.path === "string" ? c.path : c.route}${intent ? ` (${intent})` : ""}`;
}

/** What each role got, per row, for the table at the end. */
const observed = new Map<Case, Partial<Expectation>>();

describe("permission matrix", () => {
  for (const c of MATRIX) {
    it(labelOf(c), async () => {
      const actual: Partial<Expectation> = {};
      observed.set(c, actual);
      for (const role of Object.keys(ROLES) as Role[]) {
        // Every role starts from the same database: one role's write must not change another's answer.
        server.resetDatabase();
        const f = fixture();
        const email = ROLES[role];
        const cookie = !email
          ? undefined
          : ELEVATED.includes(role)
            ? await logInWithCode(http, email, enrolTotp(http, email))
            : await http.logIn(email);
        const path = typeof c.path === "string" ? c.path : c.path(f);
        const response =
          c.method === "GET" ? await http.get(path, cookie) : await http.post(path, c.form!(f, role), cookie);
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

  // The rows above run first (tests in a file run in order): here their outcomes are read as one table.
  it("answers every cell of the table as expected, read as one table", () => {
    const roles = Object.keys(ROLES) as Role[];
    const table = (cell: (c: Case, role: Role) => string) => [
      `| request | ${roles.join(" | ")} |`,
      ...MATRIX.map((c) => `| ${labelOf(c)} | ${roles.map((r) => cell(c, r)).join(" | ")} |`),
    ];
    const mark: Record<Outcome, string> = { ok: "✓", login: "→ inloggen", "400": "400", "403": "403", "404": "404" };
    const seen = (c: Case, role: Role) => {
      const outcome = observed.get(c)?.[role];
      return outcome ? mark[outcome] : "not run";
    };
    expect(table(seen)).toEqual(table((c, role) => mark[c.expect[role]]));
  });
});
