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
import { httpClient } from "../support/http";
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
  return new URLSearchParams({
    intent: "publish",
    verdict: "delen",
    route: "toestemming",
    grounding: "Toestemming van de ouders.",
    purpose: "Tijdig hulp kunnen bieden.",
    necessity: "Alleen de zorgen, niet de oorzaak.",
    proportionality: "Eerst het gesprek met de ouders.",
    agreement: "Vraag de ouders om toestemming en deel dan de zorgen.",
    conditions: "",
    agreedOn: "2026-11-01",
    agreedBy: "",
    reviewBy: "",
    dilemma: f.agenda.slug,
  });
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

const MATRIX: Case[] = [
  { route: "_index", method: "GET", path: "/", expect: EVERYONE },
  { route: "$", method: "GET", path: "/bestaat-niet", expect: NOT_FOUND },
  { route: "dilemmas._index", method: "GET", path: "/dilemmas", expect: EVERYONE },
  { route: "dilemmas.$slug._index", method: "GET", path: (f) => `/dilemmas/${f.answered.slug}`, expect: EVERYONE },
  { route: "dilemmas.$slug._index", method: "GET", path: (f) => `/dilemmas/${f.proposal.slug}`, expect: MEMBERS },
  {
    route: "dilemmas.$slug._index",
    method: "POST",
    path: (f) => `/dilemmas/${f.answered.slug}`,
    form: () => ({ intent: "comment", body: "Een reactie." }),
    expect: MEMBERS,
  },
  {
    route: "dilemmas.$slug._index",
    method: "POST",
    path: (f) => `/dilemmas/${f.answered.slug}`,
    form: (f) => ({ intent: "hide", commentId: String(f.commentId), reason: "Hoort hier niet." }),
    expect: ZEELAND_FACILITATOR,
  },
  {
    route: "dilemmas.$slug.afspraken.$regio.$versie",
    method: "GET",
    path: (f) => `/dilemmas/${f.answered.slug}/afspraken/zeeland/${f.answered.version}`,
    expect: EVERYONE,
  },
  {
    route: "dilemmas.$slug.afspraken.$regio.bewerken",
    method: "GET",
    path: (f) => `/dilemmas/${f.agenda.slug}/afspraken/zeeland/bewerken`,
    expect: ZEELAND_FACILITATOR,
  },
  {
    route: "dilemmas.$slug.afspraken.$regio.bewerken",
    method: "POST",
    path: (f) => `/dilemmas/${f.agenda.slug}/afspraken/zeeland/bewerken`,
    form: answerForm,
    expect: ZEELAND_FACILITATOR,
  },
  {
    route: "dilemmas.$slug.afspraken.$regio.$versie_.overnemen",
    method: "GET",
    path: (f) => `/dilemmas/${f.answered.slug}/afspraken/zeeland/${f.answered.version}/overnemen`,
    expect: OTHER_REGION_FACILITATOR,
  },
  {
    route: "dilemmas.$slug.afspraken.$regio.$versie_.overnemen",
    method: "POST",
    path: (f) => `/dilemmas/${f.answered.slug}/afspraken/zeeland/${f.answered.version}/overnemen`,
    form: () => ({ intent: "adopt", region: "twente" }),
    expect: OTHER_REGION_FACILITATOR,
  },
  {
    route: "dilemmas.$slug.vergelijk",
    method: "GET",
    path: (f) => `/dilemmas/${f.answered.slug}/vergelijk`,
    expect: EVERYONE,
  },
  { route: "vergelijk", method: "GET", path: "/vergelijk", expect: EVERYONE },
  { route: "beroepscodes._index", method: "GET", path: "/beroepscodes", expect: EVERYONE },
  { route: "begrippen", method: "GET", path: "/begrippen", expect: EVERYONE },
  { route: "beroepscodes.$slug", method: "GET", path: "/beroepscodes/avg", expect: EVERYONE },
  { route: "regios._index", method: "GET", path: "/regios", expect: EVERYONE },
  { route: "regios.$slug._index", method: "GET", path: "/regios/zeeland", expect: EVERYONE },
  { route: "regios.$slug.spelregels", method: "GET", path: "/regios/zeeland/spelregels", expect: EVERYONE },
  { route: "regios.$slug.agenda", method: "GET", path: "/regios/zeeland/agenda", expect: ZEELAND_FACILITATOR },
  {
    route: "regios.$slug.agenda",
    method: "POST",
    path: "/regios/zeeland/agenda",
    form: (f) => ({ intent: "accept", dilemmaId: String(f.proposal.id) }),
    expect: ZEELAND_FACILITATOR,
  },
  { route: "regios.$slug.herziening", method: "GET", path: "/regios/zeeland/herziening", expect: ZEELAND_FACILITATOR },
  {
    route: "regios.$slug.herziening",
    method: "POST",
    path: "/regios/zeeland/herziening",
    form: (f) => ({ intent: "reconfirm", answerId: String(f.answered.answerId) }),
    expect: ZEELAND_FACILITATOR,
  },
  { route: "regios.$slug.herziening", method: "GET", path: "/regios/bestaat-niet/herziening", expect: NOT_FOUND },
  {
    route: "api.regios.$slug.herziening[.json]",
    method: "GET",
    path: "/api/regios/zeeland/herziening.json",
    expect: { ...ZEELAND_FACILITATOR, visitor: "403" },
  },
  {
    route: "api.regios.$slug.herziening[.json]",
    method: "GET",
    path: "/api/regios/bestaat-niet/herziening.json",
    expect: NOT_FOUND,
  },
  { route: "feeds.regios.$file", method: "GET", path: "/feeds/regios/zeeland.atom", expect: EVERYONE },
  { route: "feeds.themas.$file", method: "GET", path: "/feeds/themas/signalen.atom", expect: EVERYONE },
  {
    route: "api.regios.$slug.afspraken[.json]",
    method: "GET",
    path: "/api/regios/zeeland/afspraken.json",
    expect: EVERYONE,
  },
  {
    route: "api.regios.$slug.afspraken[.csv]",
    method: "GET",
    path: "/api/regios/zeeland/afspraken.csv",
    expect: EVERYONE,
  },
  {
    route: "api.regios.$slug.afspraken-excel[.csv]",
    method: "GET",
    path: "/api/regios/zeeland/afspraken-excel.csv",
    expect: EVERYONE,
  },
  { route: "feeds._index", method: "GET", path: "/feeds?feed=/feeds/regios/zeeland.atom", expect: EVERYONE },
  { route: "api.dilemmas.$slug", method: "GET", path: (f) => `/api/dilemmas/${f.answered.slug}`, expect: EVERYONE },
  { route: "zoeken", method: "GET", path: "/zoeken?q=school", expect: EVERYONE },
  { route: "api.search", method: "GET", path: "/api/search?q=school", expect: EVERYONE },
  { route: "afwegen", method: "GET", path: "/afwegen", expect: EVERYONE },
  { route: "afwegen", method: "GET", path: `/afwegen?${WEIGHING_QUERY}`, expect: EVERYONE },
  {
    route: "afwegen",
    method: "POST",
    path: "/afwegen",
    form: () => weighingForm({ intent: "weigh" }),
    expect: EVERYONE,
  },
  {
    route: "afwegen",
    method: "POST",
    path: "/afwegen",
    form: () => weighingForm({ intent: "record", route: "meldrecht", afspraak: "" }),
    expect: EVERYONE,
  },
  { route: "afwegen_.afweging[.md]", method: "GET", path: "/afwegen/afweging.md", expect: EVERYONE },
  {
    route: "afwegen_.afweging[.md]",
    method: "POST",
    path: "/afwegen/afweging.md",
    form: () => weighingForm({ route: "meldrecht", afspraak: "" }),
    expect: EVERYONE,
  },
  { route: "mijn-regio", method: "GET", path: "/mijn-regio", expect: EVERYONE },
  { route: "mijn-regio", method: "POST", path: "/mijn-regio", form: () => ({ regio: "twente" }), expect: EVERYONE },
  { route: "api.suggesties", method: "GET", path: "/api/suggesties?q=scho", expect: EVERYONE },
  { route: "privacy", method: "GET", path: "/privacy", expect: EVERYONE },
  { route: "toegankelijkheid", method: "GET", path: "/toegankelijkheid", expect: EVERYONE },
  { route: "over", method: "GET", path: "/over", expect: EVERYONE },
  { route: "api._index", method: "GET", path: "/api", expect: EVERYONE },
  { route: "api.openapi[.json]", method: "GET", path: "/api/openapi.json", expect: EVERYONE },
  { route: "sitemap[.xml]", method: "GET", path: "/sitemap.xml", expect: EVERYONE },
  { route: "robots[.txt]", method: "GET", path: "/robots.txt", expect: EVERYONE },
  { route: "[.well-known].security[.txt]", method: "GET", path: "/.well-known/security.txt", expect: EVERYONE },
  { route: "voorstellen", method: "GET", path: "/voorstellen", expect: MEMBERS },
  {
    route: "voorstellen",
    method: "POST",
    path: "/voorstellen",
    form: (_f, role) =>
      new URLSearchParams({
        region: role === "otherFacilitator" ? "twente" : "zeeland",
        title: "Zorgen over een gezin",
        question: "Mag de school het wijkteam inlichten over zorgen?",
        situation: "Een leerling vertelt over spanningen thuis en wil niet dat de school iets doet.",
        purpose: "",
        holderSector: "onderwijs",
        askingSectors: "wijkteam",
        themes: "signalen",
      }),
    expect: MEMBERS,
  },
  { route: "meldingen", method: "GET", path: "/meldingen", expect: LOGGED_IN },
  { route: "meldingen", method: "POST", path: "/meldingen", form: () => ({}), expect: LOGGED_IN },
  { route: "inloggen", method: "GET", path: "/inloggen", expect: EVERYONE },
  // The code step only exists after the password step (a signed pending cookie); anyone else starts over.
  { route: "inloggen_.code", method: "GET", path: "/inloggen/code", expect: ONLY_AFTER_PASSWORD },
  {
    route: "inloggen_.code",
    method: "POST",
    path: "/inloggen/code",
    form: () => ({ code: "123456" }),
    expect: ONLY_AFTER_PASSWORD,
  },
  { route: "account.tweestapsverificatie", method: "GET", path: "/account/tweestapsverificatie", expect: LOGGED_IN },
  {
    route: "account.tweestapsverificatie",
    method: "POST",
    path: "/account/tweestapsverificatie",
    form: () => ({ intent: "enable", code: "", redirectTo: "/" }),
    expect: {
      ...ONLY_AFTER_PASSWORD,
      pending: "400",
      member: "400",
      facilitator: "400",
      otherFacilitator: "400",
      admin: "400",
    },
  },
  { route: "registreren", method: "GET", path: "/registreren", expect: EVERYONE },
  // Public since issue #17: a registration signs nobody in, so its thanks cannot ask for a session.
  { route: "registreren_.bedankt", method: "GET", path: "/registreren/bedankt?regio=twente", expect: EVERYONE },
  { route: "uitloggen", method: "POST", path: "/uitloggen", form: () => ({}), expect: EVERYONE },
  {
    route: "wachtwoord-herstellen.$token",
    method: "GET",
    path: (f) => `/wachtwoord-herstellen/${f.resetToken}`,
    expect: EVERYONE,
  },
  { route: "account._index", method: "GET", path: "/account", expect: LOGGED_IN },
  {
    route: "account._index",
    method: "POST",
    path: "/account",
    form: () => ({ intent: "profile", name: "Een Nieuwe Naam", profession: "jeugdconsulent", organisation: "" }),
    expect: LOGGED_IN,
  },
  { route: "account.gegevens", method: "GET", path: "/account/gegevens", expect: LOGGED_IN },
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
  {
    route: "beheer.logboek",
    method: "GET",
    path: "/beheer/logboek?regio=zeeland",
    expect: { ...ZEELAND_FACILITATOR, otherFacilitator: "404" },
  },
  { route: "beheer._index", method: "GET", path: "/beheer", expect: ADMIN },
  { route: "beheer.regios.nieuw", method: "GET", path: "/beheer/regios/nieuw", expect: ADMIN },
  { route: "beheer.regios.$slug", method: "GET", path: "/beheer/regios/zeeland", expect: ADMIN },
  {
    route: "beheer.regios.$slug_.organisaties.$id",
    method: "GET",
    path: (f) => `/beheer/regios/zeeland/organisaties/${f.organisationId}`,
    expect: ADMIN,
  },
  { route: "beheer.rollen", method: "GET", path: "/beheer/rollen", expect: ADMIN },
  {
    route: "beheer.rollen",
    method: "POST",
    path: "/beheer/rollen",
    form: (f) => ({ intent: "role", membershipId: String(f.zeelandMemberMembershipId), role: "facilitator" }),
    expect: ADMIN,
  },
  { route: "beheer.mail", method: "GET", path: "/beheer/mail", expect: ADMIN },
  // The unsubscribe link needs no log-in: its signed token is the permission; without a valid one it is a 404.
  { route: "afmelden.$token", method: "GET", path: (f) => `/afmelden/${f.unsubscribeToken}`, expect: EVERYONE },
  { route: "afmelden.$token", method: "GET", path: (f) => `/afmelden/${f.unsubscribeToken}x`, expect: NOT_FOUND },
  {
    route: "afmelden.$token",
    method: "POST",
    path: (f) => `/afmelden/${f.unsubscribeToken}`,
    form: () => ({ "List-Unsubscribe": "One-Click" }),
    expect: EVERYONE,
  },
  {
    route: "afmelden.$token",
    method: "POST",
    path: (f) => `/afmelden/${f.zeelandMemberId}.${"A".repeat(43)}`,
    form: () => ({ "List-Unsubscribe": "One-Click" }),
    expect: NOT_FOUND,
  },
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

/** Stand-in records for printing the table: forms only need their shape. */
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

describe("permission matrix", () => {
  for (const c of MATRIX) {
    const form = c.form?.(fakeFixture, "member");
    const intent = form instanceof URLSearchParams ? form.get("intent") : form?.intent;
    const label = `${c.method} ${typeof c.path === "string" ? c.path : c.route}${intent ? ` (${intent})` : ""}`;
    it(label, async () => {
      const actual: Partial<Expectation> = {};
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

  it("prints the matrix", () => {
    const roles = Object.keys(ROLES) as Role[];
    const mark: Record<Outcome, string> = { ok: "✓", login: "→ inloggen", "400": "400", "403": "403", "404": "404" };
    const rows = MATRIX.map((c) => {
      const path = typeof c.path === "string" ? c.path : c.route;
      const form = c.form ? (c.form(fakeFixture, "member") as Record<string, string>) : undefined;
      const intent = form && (form instanceof URLSearchParams ? form.get("intent") : form.intent);
      return `| ${c.method} ${path}${intent ? ` (${intent})` : ""} | ${roles.map((r) => mark[c.expect[r]]).join(" | ")} |`;
    });
    console.log(
      [`| request | ${roles.join(" | ")} |`, `| --- |${roles.map(() => " --- |").join("")}`, ...rows].join("\n"),
    );
  });
});
