// The review workflow over HTTP: the list, herbevestigen, herzien, intrekken, and the review API.
import { describe, expect, it } from "vitest";

import { addYears } from "~/review/review-list.server";
import { todayIso } from "~/utils/dates";
import { DEMO, httpClient } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

interface Due {
  answerId: number;
  versionId: number;
  slug: string;
  title: string;
  version: number;
  reviewBy: string;
  agreedOn: string;
}

/** Zeeland's answers in force past their review date, oldest first. */
function zeelandDue(): Due[] {
  return http
    .sql<Due>(
      `select v.answer_id as answerId, v.id as versionId, d.slug, d.title, v.version, v.review_by as reviewBy, v.agreed_on as agreedOn
       from current_answer_versions v join dilemmas d on d.id = v.dilemma_id join regions r on r.id = v.region_id
       where r.slug = 'zeeland' and v.review_by <= ?`,
      todayIso(),
    )
    .sort(
      (a, b) =>
        a.reviewBy.localeCompare(b.reviewBy) ||
        a.agreedOn.localeCompare(b.agreedOn) ||
        a.title.localeCompare(b.title, "nl"),
    );
}

/** Marks a Zeeland version in force as resting on a changed article, as an import of a new edition would. */
function flag(versionId: number) {
  const article = http.one<{ id: number; anchor: string; slug: string; codeId: number }>(
    `select a.id, a.anchor, c.slug, c.id as codeId from citations ci join articles a on a.id = ci.article_id
     join codes c on c.id = a.code_id where ci.answer_version_id = ? limit 1`,
    versionId,
  )!;
  const db = server.db().$client;
  const edition = db
    .prepare(
      "insert into code_editions (code_id, label, effective_from, source_url) values (?, 'Testeditie', '2099-01-01', 'https://wetten.overheid.nl/')",
    )
    .run(article.codeId).lastInsertRowid;
  db.prepare(
    "insert into answer_review_flags (answer_version_id, article_id, edition_id, change) values (?, ?, ?, 'changed')",
  ).run(versionId, article.id, edition);
  return `${article.slug}#${article.anchor}`;
}

describe("the review list", () => {
  it("lists the due answers oldest first, with the three actions", async () => {
    const due = zeelandDue();
    expect(due.length).toBeGreaterThan(1);
    const page = await http.html(await http.get("/regios/zeeland/herziening", await http.logIn(DEMO.facilitator)));
    const positions = due.map((d) => page.indexOf(`href="/dilemmas/${d.slug}/afspraken/zeeland/${d.version}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain("De herzieningsdatum is verstreken.");
    expect(page).toContain(`href="/dilemmas/${due[0]!.slug}/afspraken/zeeland/bewerken"`);
    expect(page).toContain('value="reconfirm"');
    expect(page).toContain('value="withdraw"');
  });
});

describe("herbevestigen", () => {
  it("records who and when, moves the review date by the region's cycle, makes no new version", async () => {
    const [first] = zeelandDue();
    const changed = flag(first!.versionId);
    const versions = http.one<{ n: number }>(
      "select count(*) as n from answer_versions where answer_id = ?",
      first!.answerId,
    )!.n;
    const response = await http.post(
      "/regios/zeeland/herziening",
      { intent: "reconfirm", answerId: String(first!.answerId) },
      await http.logIn(DEMO.facilitator),
    );
    expect(response.status).toBe(200);
    const next = addYears(todayIso(), 4); // Zeeland reviews every four years
    expect(http.one("select review_by from answer_versions where id = ?", first!.versionId)).toEqual({
      review_by: next,
    });
    expect(
      http.one<{ n: number }>("select count(*) as n from answer_versions where answer_id = ?", first!.answerId)!.n,
    ).toBe(versions);
    const user = http.one<{ id: number }>("select id from users where email = ?", DEMO.facilitator)!;
    expect(
      http.one("select confirmed_by, confirmed_on, previous_review_by, next_review_by from answer_reconfirmations"),
    ).toEqual({
      confirmed_by: user.id,
      confirmed_on: todayIso(),
      previous_review_by: first!.reviewBy,
      next_review_by: next,
    });
    expect(http.one("select count(*) as n from answer_review_flags where resolved_at is null")).toEqual({ n: 0 });
    expect(http.one("select action, target_id, actor_id from audit_log order by id desc limit 1")).toEqual({
      action: "answer.reconfirm",
      target_id: String(first!.answerId),
      actor_id: user.id,
    });
    expect(changed).toMatch(/#/);
    // Off the list, and the public page says so.
    const list = await http.html(await http.get("/regios/zeeland/herziening", await http.logIn(DEMO.facilitator)));
    expect(list).not.toContain(`/dilemmas/${first!.slug}/afspraken/zeeland/${first!.version}"`);
    const publicPage = await http.html(await http.get(`/dilemmas/${first!.slug}/afspraken/zeeland/${first!.version}`));
    expect(publicPage).toMatch(/Herbevestigd op \d+ \w+ \d{4}/);
  });

  it("refuses another region's facilitator and a member, and changes nothing", async () => {
    const [first] = zeelandDue();
    for (const who of [DEMO.otherFacilitator, DEMO.member]) {
      const response = await http.post(
        "/regios/zeeland/herziening",
        { intent: "reconfirm", answerId: String(first!.answerId) },
        await http.logIn(who),
      );
      expect(response.status).toBe(403);
    }
    expect(http.one("select count(*) as n from answer_reconfirmations")).toEqual({ n: 0 });
    expect(http.one("select review_by from answer_versions where id = ?", first!.versionId)).toEqual({
      review_by: first!.reviewBy,
    });
  });

  it("answers 409 for an answer that is not Zeeland's", async () => {
    const twente = http.one<{ id: number }>(
      "select v.answer_id as id from current_answer_versions v join regions r on r.id = v.region_id where r.slug = 'twente' limit 1",
    )!;
    const response = await http.post(
      "/regios/zeeland/herziening",
      { intent: "reconfirm", answerId: String(twente.id) },
      await http.logIn(DEMO.facilitator),
    );
    expect(response.status).toBe(409);
    expect(await http.html(response)).toContain("Deze regio heeft deze afspraak niet (meer) in werking.");
  });
});

describe("intrekken", () => {
  it("needs a reason (kept form, Dutch error), then withdraws with an audit entry", async () => {
    const [first] = zeelandDue();
    const cookie = await http.logIn(DEMO.facilitator);
    const refused = await http.post(
      "/regios/zeeland/herziening",
      { intent: "withdraw", answerId: String(first!.answerId), reason: "kort" },
      cookie,
    );
    expect(refused.status).toBe(400);
    const page = await http.html(refused);
    expect(page).toContain("Geef een reden van minstens 5 tekens.");
    expect(page).toContain('value="kort"');
    expect(http.one("select status from answers where id = ?", first!.answerId)).toEqual({ status: "published" });

    const reason = "De wet is veranderd en de leertuin bespreekt dit opnieuw.";
    const ok = await http.post(
      "/regios/zeeland/herziening",
      { intent: "withdraw", answerId: String(first!.answerId), reason },
      cookie,
    );
    expect(ok.status).toBe(200);
    expect(http.one("select status, withdrawn_reason from answers where id = ?", first!.answerId)).toEqual({
      status: "withdrawn",
      withdrawn_reason: reason,
    });
    expect(http.one("select action, target_id from audit_log order by id desc limit 1")).toEqual({
      action: "answer.withdraw",
      target_id: String(first!.answerId),
    });
  });
});

describe("GET /api/regios/:slug/herziening.json", () => {
  it("gives the region's facilitators exactly the documented shape", async () => {
    const due = zeelandDue();
    const changed = flag(due[0]!.versionId);
    const response = await http.get("/api/regios/zeeland/herziening.json", await http.logIn(DEMO.facilitator));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { due: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(["due"]);
    for (const item of body.due) {
      expect(Object.keys(item).sort()).toEqual([
        "changedArticles",
        "dilemma",
        "reasons",
        "review_by",
        "url",
        "version",
      ]);
      expect(item.url).toMatch(/^http:\/\/[a-z0-9.]+:\d+\/dilemmas\/[a-z0-9-]+\/afspraken\/zeeland\/\d+$/);
      for (const reason of item.reasons as string[])
        expect(["review_date", "law_changed", "unverified"]).toContain(reason);
    }
    expect(body.due[0]).toEqual({
      dilemma: due[0]!.title,
      url: expect.stringMatching(new RegExp(`/dilemmas/${due[0]!.slug}/afspraken/zeeland/${due[0]!.version}$`)),
      version: due[0]!.version,
      review_by: due[0]!.reviewBy,
      reasons: expect.arrayContaining(["review_date", "law_changed"]),
      changedArticles: [changed],
    });
    expect(body.due.map((d) => d.review_by ?? "9999")).toEqual([...body.due.map((d) => d.review_by ?? "9999")].sort());
    const admin = await http.get("/api/regios/zeeland/herziening.json", await http.logIn(DEMO.admin));
    expect(admin.status).toBe(200);
  });

  it("answers 403 to anyone else and 404 for an unknown region", async () => {
    expect((await http.get("/api/regios/zeeland/herziening.json")).status).toBe(403);
    for (const who of [DEMO.member, DEMO.otherFacilitator]) {
      const response = await http.get("/api/regios/zeeland/herziening.json", await http.logIn(who));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    expect((await http.get("/api/regios/nergens/herziening.json", await http.logIn(DEMO.admin))).status).toBe(404);
  });
});
