// The learning garden's lifecycle over HTTP: propose → agenda → discuss → publish → adopt, each
// transition with its refusals (wrong role, wrong region, wrong state, text the guard blocks).
import { describe, expect, it, vi } from "vitest";

import { formatDateTime } from "~/utils/dates";
import { DEMO, httpClient, proposalForm, publishForm, zeelandAnswersTwenteLacks } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const count = (table: string) => http.one<{ n: number }>(`select count(*) as n from ${table}`)!.n;

const proposal = (overrides: Record<string, string> = {}) =>
  proposalForm({
    title: "Broertje vaak afwezig op de opvang",
    question: "Mag de pedagogisch medewerker het wijkteam vertellen dat een broertje vaak afwezig is?",
    situation: "Een jongen van vier komt sinds de zomer vaak niet naar de opvang. Zijn zus zit op de basisschool.",
    ...overrides,
  });

async function propose(overrides: Record<string, string> = {}, who: string = DEMO.member, omit: string[] = []) {
  const form = proposal(overrides);
  for (const name of omit) form.delete(name);
  const response = await http.post("/voorstellen", form, await http.logIn(who));
  return {
    response,
    slug: /\/dilemmas\/([a-z0-9-]+)\?voorgesteld=1/.exec(response.headers.get("location") ?? "")?.[1],
  };
}

/** An answered dilemma of Zeeland, whose facilitator (DEMO.facilitator) may hide its comments. */
const answeredInZeeland = () =>
  http.one<{ slug: string }>(
    "select d.slug from dilemmas d join regions r on r.id = d.origin_region_id where r.slug = 'zeeland' and d.status = 'answered' limit 1",
  )!.slug;

const dilemma = (slug: string) =>
  http.one<{ id: number; status: string; status_reason: string | null }>(
    "select id, status, status_reason from dilemmas where slug = ?",
    slug,
  )!;

async function accept(slug: string, who: string = DEMO.facilitator) {
  return http.post(
    "/regios/zeeland/agenda",
    { intent: "accept", dilemmaId: String(dilemma(slug).id) },
    await http.logIn(who),
  );
}

const answerForm = (overrides: Record<string, string> = {}, intent = "publish") => publishForm(http, overrides, intent);

describe("proposing a dilemma", () => {
  it("stores a member's proposal, visible to members only", async () => {
    const { response, slug } = await propose();
    expect(response.status).toBe(302);
    expect(slug).toBe("broertje-vaak-afwezig-op-de-opvang");
    expect(dilemma(slug!).status).toBe("proposed");
    expect(http.one("select action, summary from audit_log order by id desc limit 1")).toEqual({
      action: "dilemma.propose",
      summary: slug,
    });

    const asMember = await http.get(`/dilemmas/${slug}`, await http.logIn(DEMO.otherMember));
    expect(asMember.status).toBe(200);
    expect(await http.html(asMember)).toContain("Dit voorstel wacht op een besluit");
    const asVisitor = await http.get(`/dilemmas/${slug}`);
    expect(asVisitor.status).toBe(302);
    expect(asVisitor.headers.get("location")).toMatch(/^\/inloggen\?redirectTo=/);
    expect((await http.get(`/dilemmas/${slug}`, await http.logIn(DEMO.pending))).status).toBe(403);
    // On the region page's agenda for members, not for visitors.
    expect(await http.html(await http.get("/regios/zeeland", await http.logIn(DEMO.otherMember)))).toContain(
      "Broertje vaak afwezig op de opvang</a> — voorgesteld",
    );
    expect(await http.html(await http.get("/regios/zeeland"))).not.toContain("Broertje vaak afwezig");
    // Not in the public library or search.
    expect(await http.html(await http.get("/dilemmas?thema=signalen"))).not.toContain("Broertje vaak afwezig");
  });

  it("keeps what was typed and names each problem when the form is incomplete", async () => {
    const { response } = await propose({ title: "" }, DEMO.member, ["askingSectors", "themes"]);
    expect(response.status).toBe(400);
    const page = await http.html(response);
    expect(page).toContain("Geef het dilemma een titel van minstens 5 tekens.");
    expect(page).toContain("Kies minstens één sector die om de informatie vraagt.");
    expect(page).toContain("Een jongen van vier komt sinds de zomer vaak niet naar de opvang.");
    expect(count("dilemmas where status = 'proposed'")).toBe(0);
  });

  it("answers a hand-made form that leaves a field out altogether in Dutch too", async () => {
    const { response } = await propose({}, DEMO.member, ["title"]);
    expect(response.status).toBe(400);
    const page = await http.html(response);
    expect(page).toContain("Ongeldige invoer");
    expect(page).not.toContain("Invalid input");
  });

  it("blocks a phone number: nothing stored, text kept, the finding marked with a suggestion", async () => {
    const situation = "De moeder belde vanaf 06-12345678 met de vraag of de opvang iets wist.";
    const { response } = await propose({ situation });
    expect(response.status).toBe(422);
    const page = await http.html(response);
    expect(page).toContain('<mark class="finding finding--block">06-12345678');
    expect(page).toContain("Vervang door [telefoonnummer]");
    expect(page).toContain("De moeder belde vanaf 06-12345678");
    expect(page).not.toContain('name="bevestig-situation"');
    expect(count("dilemmas where status = 'proposed'")).toBe(0);
  });

  it("stores a text with a warning only after the author confirmed that very text", async () => {
    const situation = "Mevrouw Jansen van de opvang maakt zich zorgen over de jongen.";
    const first = await propose({ situation });
    expect(first.response.status).toBe(422);
    const confirm = /name="bevestig-situation" value="([0-9a-f]+)"/.exec(await http.html(first.response))?.[1];
    expect(confirm).toBeDefined();
    // A confirmation of another text does not count.
    expect(
      (await propose({ situation: situation + " Ze belt morgen.", "bevestig-situation": confirm! })).response.status,
    ).toBe(422);
    const confirmed = await propose({ situation, "bevestig-situation": confirm! });
    expect(confirmed.response.status).toBe(302);
  });

  it("refuses a region the member does not belong to, and visitors and applicants", async () => {
    expect((await propose({ region: "twente" })).response.status).toBe(400);
    const visitor = await http.post("/voorstellen", proposal());
    expect(visitor.headers.get("location")).toMatch(/^\/inloggen/);
    expect((await propose({}, DEMO.pending)).response.status).toBe(403);
    expect(count("dilemmas where status = 'proposed'")).toBe(0);
  });
});

describe("the agenda", () => {
  it("lets the region's facilitator accept, and tells the proposer", async () => {
    const { slug } = await propose();
    const agenda = await http.html(await http.get("/regios/zeeland/agenda", await http.logIn(DEMO.facilitator)));
    expect(agenda).toContain("Broertje vaak afwezig op de opvang");
    expect((await accept(slug!)).status).toBe(200);
    expect(dilemma(slug!).status).toBe("on-agenda");
    const member = await http.logIn(DEMO.member);
    expect(await http.html(await http.get("/", member))).toMatch(/Meldingen\s*<span class="count-badge">1<\/span>/);
    expect(await http.html(await http.get("/meldingen", member))).toContain(
      "Uw voorstel &quot;Broertje vaak afwezig op de opvang&quot; staat op de agenda.".replaceAll("&quot;", '"'),
    );
  });

  it("refuses another region's facilitator, members, and a second decision", async () => {
    const { slug } = await propose();
    expect((await http.get("/regios/zeeland/agenda", await http.logIn(DEMO.otherFacilitator))).status).toBe(403);
    expect((await http.get("/regios/zeeland/agenda", await http.logIn(DEMO.member))).status).toBe(403);
    expect((await accept(slug!, DEMO.otherFacilitator)).status).toBe(403);
    expect((await accept(slug!)).status).toBe(200);
    // The same decision again is the one already made (issue #17: no double writes); another decision is refused.
    expect((await accept(slug!)).status).toBe(200);
    expect(http.one("select count(*) as n from audit_log where action = 'dilemma.accept'")).toEqual({ n: 1 });
    const reject = await http.post(
      "/regios/zeeland/agenda",
      { intent: "reject", dilemmaId: String(dilemma(slug!).id), reason: "Past niet bij deze leertuin." },
      await http.logIn(DEMO.facilitator),
    );
    expect(reject.status).toBe(409);
    expect(dilemma(slug!).status).toBe("on-agenda");
  });

  it("rejects with a reason, or merges into an existing dilemma, and the proposer sees where it went", async () => {
    const facilitator = await http.logIn(DEMO.facilitator);
    const first = (await propose()).slug!;
    const noReason = await http.post(
      "/regios/zeeland/agenda",
      { intent: "reject", dilemmaId: String(dilemma(first).id), reason: "" },
      facilitator,
    );
    expect(noReason.status).toBe(400);
    expect(await http.html(noReason)).toContain("Geef een reden van minstens 5 tekens.");
    await http.post(
      "/regios/zeeland/agenda",
      { intent: "reject", dilemmaId: String(dilemma(first).id), reason: "Dit valt buiten de leertuin." },
      facilitator,
    );
    expect(dilemma(first)).toMatchObject({ status: "rejected", status_reason: "Dit valt buiten de leertuin." });

    const second = (await propose({ title: "Nog een broertje op de opvang" })).slug!;
    const target = http.one<{ slug: string; title: string }>(
      "select slug, title from dilemmas where status = 'answered' order by id limit 1",
    )!;
    // A merge target is named by its address; an unknown one is the target field's error, the reason kept.
    const unknown = await http.post(
      "/regios/zeeland/agenda",
      {
        intent: "merge",
        dilemmaId: String(dilemma(second).id),
        reason: "Zelfde vraag.",
        intoSlug: "/dilemmas/bestaat-niet",
      },
      facilitator,
    );
    expect(unknown.status).toBe(409);
    const unknownPage = await http.html(unknown);
    expect(unknownPage).toMatch(
      /id="samenvoegen-\d+-fout">Voeg het voorstel samen met een dilemma dat op de agenda staat of beantwoord is\./,
    );
    expect(unknownPage).toContain('value="Zelfde vraag."');
    expect(dilemma(second).status).toBe("proposed");
    const address = `${server.url}/dilemmas/${target.slug}?regio=zeeland`;
    const merged = await http.post(
      "/regios/zeeland/agenda",
      { intent: "merge", dilemmaId: String(dilemma(second).id), reason: "Zelfde vraag.", intoSlug: address },
      facilitator,
    );
    expect(merged.status).toBe(200);
    expect(dilemma(second).status).toBe("merged");
    const page = await http.html(await http.get(`/dilemmas/${second}`, await http.logIn(DEMO.member)));
    expect(page).toContain(`href="/dilemmas/${target.slug}"`);
  });
});

describe("discussion", () => {
  it("lets members comment and reply one level deep; the author of the comment is told", async () => {
    const slug = http.one<{ slug: string }>(
      "select slug from dilemmas where status = 'answered' order by id limit 1",
    )!.slug;
    const member = await http.logIn(DEMO.member);
    expect(
      (await http.post(`/dilemmas/${slug}`, { intent: "comment", body: "Bij ons gaat dit net zo." }, member)).status,
    ).toBe(200);
    const commentId = http.one<{ id: number }>("select id from comments order by id desc limit 1")!.id;
    const other = await http.logIn(DEMO.otherMember);
    expect(
      (
        await http.post(
          `/dilemmas/${slug}`,
          { intent: "comment", body: "Hoe vragen jullie toestemming?", parentId: String(commentId) },
          other,
        )
      ).status,
    ).toBe(200);
    const replyId = http.one<{ id: number }>("select id from comments order by id desc limit 1")!.id;
    expect(
      (
        await http.post(
          `/dilemmas/${slug}`,
          { intent: "comment", body: "Een antwoord op een antwoord", parentId: String(replyId) },
          member,
        )
      ).status,
    ).toBe(409);
    expect(
      http.one("select kind from notifications where user_id = (select id from users where email = ?)", DEMO.member),
    ).toEqual({ kind: "reply" });
    const page = await http.html(await http.get(`/dilemmas/${slug}`, member));
    expect(page).toContain("Hoe vragen jullie toestemming?");
    // Visitors don't see the discussion, and cannot post.
    expect(await http.html(await http.get(`/dilemmas/${slug}`))).not.toContain("Bij ons gaat dit net zo.");
    expect(
      (await http.post(`/dilemmas/${slug}`, { intent: "comment", body: "Hallo" })).headers.get("location"),
    ).toMatch(/^\/inloggen/);
  });

  it("lets the facilitator of the dilemma's region hide a comment with a reason", async () => {
    const slug = answeredInZeeland();
    await http.post(
      `/dilemmas/${slug}`,
      { intent: "comment", body: "Een reactie die weg moet." },
      await http.logIn(DEMO.member),
    );
    const commentId = http.one<{ id: number }>("select id from comments order by id desc limit 1")!.id;
    expect(
      (
        await http.post(
          `/dilemmas/${slug}`,
          { intent: "hide", commentId: String(commentId), reason: "Niet over dit dilemma." },
          await http.logIn(DEMO.otherFacilitator),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await http.post(
          `/dilemmas/${slug}`,
          { intent: "hide", commentId: String(commentId), reason: "Niet over dit dilemma." },
          await http.logIn(DEMO.facilitator),
        )
      ).status,
    ).toBe(200);
    const page = await http.html(await http.get(`/dilemmas/${slug}`, await http.logIn(DEMO.otherMember)));
    expect(page).toContain("Deze reactie is verborgen door de leertuinbegeleider. Reden: Niet over dit dilemma.");
    expect(page).not.toContain("Een reactie die weg moet.");
    expect(http.one("select action from audit_log where action like 'comment.%' order by id desc limit 1")).toEqual({
      action: "comment.hide",
    });
    expect(http.one("select kind from notifications order by id desc limit 1")).toEqual({ kind: "comment-hidden" });
  });

  it("takes a form sent twice as one: one comment, one hide, both answered as done", async () => {
    // The dilemma page runs no JavaScript: a double click or a reload reaches the server twice.
    const slug = answeredInZeeland();
    const member = await http.logIn(DEMO.member);
    const form = { intent: "comment", body: "Twee keer verstuurd, één keer bedoeld." };
    const twice = [
      await http.post(`/dilemmas/${slug}`, form, member),
      await http.post(`/dilemmas/${slug}`, form, member),
    ];
    for (const response of twice) {
      expect(response.status).toBe(200);
      expect(await http.html(response)).toContain("Uw reactie is geplaatst.");
    }
    expect(count("comments")).toBe(1);
    const commentId = http.one<{ id: number }>("select id from comments")!.id;
    // The same text again as a reply, or by someone else, is another comment.
    await http.post(`/dilemmas/${slug}`, { ...form, parentId: String(commentId) }, member);
    await http.post(`/dilemmas/${slug}`, form, await http.logIn(DEMO.otherMember));
    expect(count("comments")).toBe(3);

    const facilitator = await http.logIn(DEMO.facilitator);
    const hide = { intent: "hide", commentId: String(commentId), reason: "Dubbel geplaatst." };
    for (let i = 0; i < 2; i++) {
      const response = await http.post(`/dilemmas/${slug}`, hide, facilitator);
      expect(response.status).toBe(200);
      expect(await http.html(response)).toContain("De reactie is verborgen.");
    }
    expect(http.one("select count(*) as n from audit_log where action = 'comment.hide'")).toEqual({ n: 1 });
    // Another reason, or another facilitator, meets a comment already hidden.
    const other = await http.post(`/dilemmas/${slug}`, { ...hide, reason: "Een andere reden." }, facilitator);
    expect(other.status).toBe(409);
  });

  it("shows a member the discussion as it is now: a new comment, a hidden one, on the next read", async () => {
    const slug = answeredInZeeland();
    const reader = await http.logIn(DEMO.otherMember);
    const read = async () => http.html(await http.get(`/dilemmas/${slug}`, reader));
    expect(await read()).toContain("Nog geen reacties.");
    await http.post(`/dilemmas/${slug}`, { intent: "comment", body: "Net geplaatst." }, await http.logIn(DEMO.member));
    expect(await read()).toContain("Net geplaatst.");
    const id = String(http.one<{ id: number }>("select id from comments")!.id);
    const hide = { intent: "hide", commentId: id, reason: "Hoort bij een ander dilemma." };
    await http.post(`/dilemmas/${slug}`, hide, await http.logIn(DEMO.facilitator));
    const after = await read();
    expect(after).not.toContain("Net geplaatst.");
    expect(after).toContain("Reden: Hoort bij een ander dilemma.");
  });

  it("sends each discussion form's answer back to where the reader was", async () => {
    const slug = http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' limit 1")!.slug;
    const member = await http.logIn(DEMO.member);
    await http.post(`/dilemmas/${slug}`, { intent: "comment", body: "Een eerste reactie." }, member);
    const id = http.one<{ id: number }>("select id from comments")!.id;
    const page = await http.html(await http.get(`/dilemmas/${slug}`, member));
    expect(page).toContain('id="reageren"');
    expect(page).toContain(`<li id="reactie-${id}"`);
    const actions = [...page.matchAll(/<form method="post" action="([^"]+)"[^>]*class="stack-form comment-form"/g)];
    expect(actions.map((m) => m[1])).toEqual([
      `/dilemmas/${slug}?index#reactie-${id}`,
      `/dilemmas/${slug}?index#reageren`,
    ]);
  });

  it("blocks an e-mail address in a comment and keeps the text", async () => {
    const slug = http.one<{ slug: string }>("select slug from dilemmas where status = 'answered' limit 1")!.slug;
    const response = await http.post(
      `/dilemmas/${slug}`,
      { intent: "comment", body: "Mail mij op j.devries@school.nl" },
      await http.logIn(DEMO.member),
    );
    expect(response.status).toBe(422);
    expect(await http.html(response)).toContain("Mail mij op j.devries@school.nl</textarea>");
    expect(count("comments")).toBe(0);
  });
});

describe("publishing", () => {
  it("publishes version 1 and a revision 2; the dilemma becomes public, findable, and the proposer is told", async () => {
    const { slug } = await propose();
    await accept(slug!);
    const facilitator = await http.logIn(DEMO.facilitator);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    expect((await http.get(editor, facilitator)).status).toBe(200);
    const published = await http.post(editor, answerForm(), facilitator);
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`/dilemmas/${slug}/afspraken/zeeland/1?gepubliceerd=1`);
    expect(dilemma(slug!).status).toBe("answered");
    expect(
      http.one(
        "select count(*) as n from citations c join answer_versions v on v.id = c.answer_version_id join answers a on a.id = v.answer_id where a.dilemma_id = ?",
        dilemma(slug!).id,
      ),
    ).toEqual({ n: 2 });
    expect(http.one("select kind from notifications order by id desc limit 1")).toEqual({ kind: "proposal-answered" });

    const visitorPage = await http.html(await http.get(`/dilemmas/${slug}`));
    expect(visitorPage).toContain("Bespreek de zorgen met de ouders");
    const search = (await (await http.get("/api/search?q=broertje+opvang")).json()) as { results: { slug: string }[] };
    expect(search.results.map((r) => r.slug)).toContain(slug);

    const revised = await http.post(
      editor,
      answerForm({ verdict: "delen", agreement: "Deel de zorgen met het wijkteam na een gesprek met de ouders." }),
      facilitator,
    );
    expect(revised.headers.get("location")).toBe(`/dilemmas/${slug}/afspraken/zeeland/2?gepubliceerd=1`);
    expect(await http.html(await http.get(`/dilemmas/${slug}/afspraken/zeeland/1`))).toContain(
      "Dit is een eerdere versie",
    );
    const second = await http.html(await http.get(`/dilemmas/${slug}/afspraken/zeeland/2`));
    expect(second).toContain("Wat veranderde ten opzichte van versie 1");
    expect(second).toContain("Oordeel: was “Delen onder voorwaarden”, is nu “Delen”.");
    expect(second).toMatch(
      /<mark class="diff-text__only"><span class="visually-hidden">\[alleen versie 2: <\/span>Deel/,
    );
  });

  it("saves a draft first, which only the region's facilitators see", async () => {
    const { slug } = await propose();
    await accept(slug!);
    const facilitator = await http.logIn(DEMO.facilitator);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    expect((await http.post(editor, answerForm({}, "draft"), facilitator)).headers.get("location")).toBe(
      `${editor}?opgeslagen=1`,
    );
    expect(http.one("select version, published_at from answer_versions order by id desc limit 1")).toEqual({
      version: 1,
      published_at: null,
    });
    expect(dilemma(slug!).status).toBe("on-agenda");
    expect(await http.html(await http.get(editor, facilitator))).toContain("U werkt aan een concept (versie 1)");
    expect((await http.get(editor, await http.logIn(DEMO.otherFacilitator))).status).toBe(403);
    const preview = await http.post(editor, answerForm({}, "preview"), facilitator);
    expect(await http.html(preview)).toContain("Voorbeeld (nog niet opgeslagen)");
  });

  it("refuses the wrong role, the wrong region, the wrong state and blocked text, storing nothing", async () => {
    const { slug } = await propose();
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    const facilitator = await http.logIn(DEMO.facilitator);
    const before = count("answer_versions");
    expect((await http.post(editor, answerForm(), facilitator)).status).toBe(409);
    await accept(slug!);
    expect((await http.post(editor, answerForm(), await http.logIn(DEMO.member))).status).toBe(403);
    expect((await http.post(editor, answerForm(), await http.logIn(DEMO.otherFacilitator))).status).toBe(403);
    const blocked = await http.post(
      editor,
      answerForm({ agreement: "Bel de intern begeleider op 0118-123456." }),
      facilitator,
    );
    expect(blocked.status).toBe(422);
    expect(await http.html(blocked)).toContain("Bel de intern begeleider op 0118-123456.");
    const invalid = await http.post(editor, answerForm({ verdict: "misschien" }), facilitator);
    expect(invalid.status).toBe(400);
    expect(await http.html(invalid)).toContain("Kies het oordeel.");
    const future = await http.post(editor, answerForm({ agreedOn: "2999-01-01" }), facilitator);
    expect(future.status).toBe(400);
    expect(await http.html(future)).toContain("De datum van de afspraak kan niet in de toekomst liggen.");
    expect(count("answer_versions")).toBe(before);
  });

  it("leaves nothing behind when publishing fails halfway", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    const { slug } = await propose();
    await accept(slug!);
    const before = {
      versions: count("answer_versions"),
      answers: count("answers"),
      audit: count("audit_log"),
      notifications: count("notifications"),
    };
    server
      .db()
      .$client.exec(
        "create trigger fail_publish before insert on audit_log when new.action = 'answer.publish' begin select raise(abort, 'forced failure'); end",
      );
    const response = await http.post(
      `/dilemmas/${slug}/afspraken/zeeland/bewerken`,
      answerForm(),
      await http.logIn(DEMO.facilitator),
    );
    expect(response.status).toBe(500);
    expect(dilemma(slug!).status).toBe("on-agenda");
    expect({
      versions: count("answer_versions"),
      answers: count("answers"),
      audit: count("audit_log") - 1 /* the log-in */,
      notifications: count("notifications"),
    }).toEqual(before);
  });

  it("withdraws an answer with a reason", async () => {
    const { slug } = await propose();
    await accept(slug!);
    const facilitator = await http.logIn(DEMO.facilitator);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    await http.post(editor, answerForm(), facilitator);
    const withdrawn = await http.post(editor, { intent: "withdraw", reason: "Nieuwe wetgeving." }, facilitator);
    expect(withdrawn.status).toBe(302);
    expect(http.one("select status, withdrawn_reason from answers order by id desc limit 1")).toEqual({
      status: "withdrawn",
      withdrawn_reason: "Nieuwe wetgeving.",
    });
    expect(dilemma(slug!).status).toBe("on-agenda");
    // Back on the agenda, the dilemma is for members; they read why the answer went.
    const asMember = await http.html(await http.get(`/dilemmas/${slug}`, await http.logIn(DEMO.member)));
    expect(asMember).toContain("Leertuin Zeeland heeft haar afspraak ingetrokken op");
    expect(asMember).toContain("Reden: Nieuwe wetgeving.");
    expect(asMember).toContain("Er geldt nu geen afspraak van een regio over dit dilemma.");
  });

  it("sends every reason a facilitator writes through the anonymity guard: blocked, nothing stored, the text kept", async () => {
    const facilitator = await http.logIn(DEMO.facilitator);
    const phone = "Besproken met moeder, bel 06-12345678.";
    const blocked = (html: string) => {
      expect(html).toContain("We hebben niets opgeslagen");
      expect(html).toMatch(/<mark class="finding finding--block">06-12345678/);
    };
    // Rejecting a proposal.
    const { slug } = await propose();
    const reject = await http.post(
      "/regios/zeeland/agenda",
      { intent: "reject", dilemmaId: String(dilemma(slug!).id), reason: phone },
      facilitator,
    );
    expect(reject.status).toBe(422);
    const agenda = await http.html(reject);
    blocked(agenda);
    expect(agenda).toContain(`value="${phone}"`);
    expect(dilemma(slug!)).toMatchObject({ status: "proposed", status_reason: null });
    // Hiding a comment.
    const answered = answeredInZeeland();
    await http.post(
      `/dilemmas/${answered}`,
      { intent: "comment", body: "Een reactie." },
      await http.logIn(DEMO.member),
    );
    const commentId = http.one<{ id: number }>("select id from comments order by id desc limit 1")!.id;
    const hide = await http.post(
      `/dilemmas/${answered}`,
      { intent: "hide", commentId: String(commentId), reason: phone },
      facilitator,
    );
    expect(hide.status).toBe(422);
    blocked(await http.html(hide));
    expect(http.one("select hidden_at from comments where id = ?", commentId)).toEqual({ hidden_at: null });
    // Withdrawing an answer.
    await accept(slug!);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    await http.post(editor, answerForm(), facilitator);
    const withdraw = await http.post(editor, { intent: "withdraw", reason: phone }, facilitator);
    expect(withdraw.status).toBe(422);
    const editorPage = await http.html(withdraw);
    blocked(editorPage);
    expect(editorPage).toContain(`value="${phone}"`);
    expect(http.one("select status, withdrawn_reason from answers order by id desc limit 1")).toEqual({
      status: "published",
      withdrawn_reason: null,
    });
  });

  it("says on the public dilemma page when and why a region withdrew, without the withdrawn text", async () => {
    const { slug, version } = http.one<{ slug: string; version: number }>(
      `select d.slug, v.version from current_answer_versions v join dilemmas d on d.id = v.dilemma_id join regions r on r.id = v.region_id
       where r.slug = 'zeeland' and exists (select 1 from current_answer_versions o where o.dilemma_id = d.id and o.region_id <> r.id) limit 1`,
    )!;
    expect(await http.html(await http.get(`/dilemmas/${slug}`))).toContain('id="afspraak-zeeland"');
    const before = new Date().toISOString();
    const withdrawn = await http.post(
      `/dilemmas/${slug}/afspraken/zeeland/bewerken`,
      { intent: "withdraw", reason: "De wet is veranderd; we herzien dit in het voorjaar." },
      await http.logIn(DEMO.facilitator),
    );
    expect(withdrawn.status).toBe(302);
    const { updated_at: withdrawnAt } = http.one<{ updated_at: string }>(
      "select a.updated_at from answers a join regions r on r.id = a.region_id join dilemmas d on d.id = a.dilemma_id where d.slug = ? and r.slug = 'zeeland'",
      slug,
    )!;
    expect(withdrawnAt >= before && withdrawnAt <= new Date().toISOString()).toBe(true);
    const notice = `Leertuin Zeeland heeft haar afspraak ingetrokken op ${formatDateTime(withdrawnAt)}. Reden: De wet is veranderd; we herzien dit in het voorjaar.`;

    // Another region's answer keeps the dilemma public: a visitor reads the notice, not Zeeland's answer.
    const page = await http.get(`/dilemmas/${slug}`);
    expect(page.status).toBe(200);
    const html = await http.html(page);
    expect(html).toContain(notice);
    expect(html).not.toContain('id="afspraak-zeeland"');
    // The withdrawn versions stay out of reach; their address says why.
    const versionPage = await http.get(`/dilemmas/${slug}/afspraken/zeeland/${version}`);
    expect(versionPage.status).toBe(404);
    expect(await http.html(versionPage)).toContain(notice);
    expect(await http.html(await http.get(`/dilemmas/${slug}/afspraken/zeeland/${version + 1}`))).toContain(
      "Deze versie van de afspraak bestaat niet.",
    );
  });
});

describe("adopting another region's answer", () => {
  it("makes a draft from the source version; published, it says where it came from", async () => {
    const source = zeelandAnswersTwenteLacks(http)[0]!;
    const twente = await http.logIn(DEMO.otherFacilitator);
    const adoptPage = `/dilemmas/${source.slug}/afspraken/zeeland/${source.version}/overnemen`;
    expect(await http.html(await http.get(adoptPage, twente))).toContain("Concept maken");
    const adopted = await http.post(adoptPage, { intent: "adopt", region: "twente" }, twente);
    expect(adopted.headers.get("location")).toBe(`/dilemmas/${source.slug}/afspraken/twente/bewerken`);
    expect(
      http.one("select adopted_from_version_id as src, published_at from answer_versions order by id desc limit 1"),
    ).toEqual({ src: source.id, published_at: null });
    // Adopting into a region one does not facilitate is refused.
    expect((await http.post(adoptPage, { intent: "adopt", region: "groningen" }, twente)).status).toBe(403);

    const published = await http.post(
      `/dilemmas/${source.slug}/afspraken/twente/bewerken`,
      answerForm({ agreedBy: "Leertuin Twente" }),
      twente,
    );
    expect(published.status).toBe(302);
    const page = await http.html(await http.get(published.headers.get("location")!));
    expect(page).toContain("Overgenomen van");
    expect(page).toMatch(/Zeeland \(versie \d+\)/);
    expect(page).toContain("Wat Twente veranderde aan de afspraak van Zeeland");
  });

  it("lets a member suggest an answer for their region; the facilitator declines with a reason", async () => {
    const source = http.one<{ slug: string; version: number }>(
      "select d.slug, v.version from current_answer_versions v join dilemmas d on d.id = v.dilemma_id join regions r on r.id = v.region_id where r.slug = 'zeeland' limit 1",
    )!;
    const member = await http.logIn(DEMO.otherMember);
    const adoptPage = `/dilemmas/${source.slug}/afspraken/zeeland/${source.version}/overnemen`;
    const suggested = await http.post(
      adoptPage,
      { intent: "suggest", region: "twente", note: "Past goed bij onze werkwijze." },
      member,
    );
    expect(suggested.status).toBe(200);
    expect((await http.post(adoptPage, { intent: "suggest", region: "twente", note: "" }, member)).status).toBe(409);
    const facilitator = await http.logIn(DEMO.otherFacilitator);
    expect(await http.html(await http.get("/regios/twente/agenda", facilitator))).toContain(
      "Past goed bij onze werkwijze.",
    );
    const id = http.one<{ id: number }>("select id from adoption_suggestions")!.id;
    expect(
      (
        await http.post(
          "/regios/twente/agenda",
          { intent: "decline", suggestionId: String(id), reason: "We hebben al een eigen afspraak." },
          facilitator,
        )
      ).status,
    ).toBe(200);
    expect(http.one("select message from notifications order by id desc limit 1")).toEqual({
      message:
        "Een afspraak die u voorstelde over te nemen, is niet overgenomen. Reden: We hebben al een eigen afspraak.",
    });
  });
});
