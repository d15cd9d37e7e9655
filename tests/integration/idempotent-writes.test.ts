// Issue #17, finding 13 and "idempotent writes": every editing form names the version or draft it is
// based on; a stale base is a 409 with a Dutch message, and a repeated identical submit writes nothing new.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient, proposalForm, publishForm, zeelandAnswersTwenteLacks } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

/** A dilemma Zeeland has an answer in force for, with nothing of Twente's. */
const zeelandAnswer = () => zeelandAnswersTwenteLacks(http)[0]!;
const versions = (answerId: number) =>
  http.sql<{ version: number; published: number }>(
    "select version, published_at is not null as published from answer_versions where answer_id = ? order by version",
    answerId,
  );
const basisOf = (html: string) => /name="basis" value="([^"]+)"/.exec(html)?.[1];

describe("publishing an answer", () => {
  it("makes one version of three identical publish posts", async () => {
    const { slug, version, answer_id } = zeelandAnswer();
    const facilitator = await http.logIn(DEMO.facilitator);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    const basis = basisOf(await http.html(await http.get(editor, facilitator)));
    expect(basis).toBeDefined();
    const form = publishForm(http, { basis: basis!, agreement: "Eén keer bedoeld, drie keer verstuurd." });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await http.post(editor, form, facilitator));
    for (const response of answers) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(
        `/dilemmas/${slug}/afspraken/zeeland/${version + 1}?gepubliceerd=1`,
      );
    }
    expect(versions(answer_id).map((v) => v.version)).toEqual([...Array(version + 1).keys()].map((i) => i + 1));
    expect(
      http.one<{ n: number }>("select count(*) as n from audit_log where action = 'answer.publish'")!.n,
    ).toBeGreaterThan(0);
    const feed = await (await fetch(`${server.url}/feeds/regios/zeeland.atom`)).text();
    expect(feed.match(/Eén keer bedoeld/g)?.length).toBe(1);
  });

  it("makes one version of two concurrent publishes of one draft", async () => {
    const { slug, version, answer_id } = zeelandAnswer();
    const facilitator = await http.logIn(DEMO.facilitator);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    const start = basisOf(await http.html(await http.get(editor, facilitator)))!;
    const draft = publishForm(
      http,
      { basis: start, agreement: "Concept dat twee keer tegelijk gepubliceerd wordt." },
      "draft",
    );
    expect((await http.post(editor, draft, facilitator)).status).toBe(302);
    const basis = basisOf(await http.html(await http.get(editor, facilitator)))!;
    expect(basis).not.toBe(start);
    const form = publishForm(http, { basis, agreement: "Concept dat twee keer tegelijk gepubliceerd wordt." });
    const other = await http.logIn(DEMO.facilitator);
    const [a, b] = await Promise.all([http.post(editor, form, facilitator), http.post(editor, form, other)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    expect(versions(answer_id)).toEqual([...Array(version + 1).keys()].map((i) => ({ version: i + 1, published: 1 })));
  });

  it("answers 409 in Dutch, keeping the text, when someone else published since the form was opened", async () => {
    const { slug, version, answer_id } = zeelandAnswer();
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    const mine = await http.logIn(DEMO.facilitator);
    const theirs = await http.logIn(DEMO.admin);
    const basis = basisOf(await http.html(await http.get(editor, mine)))!;
    expect(basisOf(await http.html(await http.get(editor, theirs)))).toBe(basis);
    expect(
      (await http.post(editor, publishForm(http, { basis, agreement: "De versie van de beheerder." }), theirs)).status,
    ).toBe(302);
    const stale = await http.post(
      editor,
      publishForm(http, { basis, agreement: "Mijn eigen versie van de tekst." }),
      mine,
    );
    expect(stale.status).toBe(409);
    const html = await http.html(stale);
    expect(html).toContain("intussen");
    expect(html).toContain("Mijn eigen versie van de tekst.");
    expect(versions(answer_id).length).toBe(version + 1);
    // Saving a draft on the old base is refused the same way.
    const staleDraft = await http.post(editor, publishForm(http, { basis, agreement: "Mijn concept." }, "draft"), mine);
    expect(staleDraft.status).toBe(409);
    expect(versions(answer_id).length).toBe(version + 1);
  });

  it("refuses a draft saved over another facilitator's newer draft", async () => {
    const { slug, answer_id } = zeelandAnswer();
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    const mine = await http.logIn(DEMO.facilitator);
    const theirs = await http.logIn(DEMO.admin);
    const basis = basisOf(await http.html(await http.get(editor, mine)))!;
    expect(
      (await http.post(editor, publishForm(http, { basis, agreement: "Concept van de beheerder." }, "draft"), theirs))
        .status,
    ).toBe(302);
    const draftBasis = basisOf(await http.html(await http.get(editor, mine)))!;
    // Both open the draft; the admin saves a change first.
    expect(
      (
        await http.post(
          editor,
          publishForm(http, { basis: draftBasis, agreement: "Tweede concept van de beheerder." }, "draft"),
          theirs,
        )
      ).status,
    ).toBe(302);
    const stale = await http.post(
      editor,
      publishForm(http, { basis: draftBasis, agreement: "Mijn wijziging." }, "draft"),
      mine,
    );
    expect(stale.status).toBe(409);
    expect(
      http.one("select agreement_md from answer_versions where answer_id = ? and published_at is null", answer_id),
    ).toEqual({
      agreement_md: "Tweede concept van de beheerder.",
    });
    // Saving the same draft twice is fine and changes nothing.
    const again = await http.post(
      editor,
      publishForm(http, { basis: draftBasis, agreement: "Tweede concept van de beheerder." }, "draft"),
      theirs,
    );
    expect(again.status).toBe(302);
  });
});

describe("agenda decisions and adoption", () => {
  async function proposal() {
    const member = await http.logIn(DEMO.member);
    const response = await http.post(
      "/voorstellen",
      proposalForm({
        title: "Oma haalt het kind niet meer op",
        question: "Mag de opvang de school vertellen dat oma het kind niet meer ophaalt?",
        situation: "Sinds kort haalt niemand het kind op tijd op en de opvang maakt zich zorgen.",
        purpose: "",
      }),
      member,
    );
    const slug = /\/dilemmas\/([a-z0-9-]+)/.exec(response.headers.get("location")!)![1]!;
    return http.one<{ id: number; updated_at: string }>("select id, updated_at from dilemmas where slug = ?", slug)!;
  }

  it("carries the proposal's base; a repeated accept is fine, a conflicting decision a 409", async () => {
    const { id } = await proposal();
    const facilitator = await http.logIn(DEMO.facilitator);
    const agenda = await http.html(await http.get("/regios/zeeland/agenda", facilitator));
    const basis = new RegExp(`name="dilemmaId" value="${id}"/><input type="hidden" name="basis" value="([^"]+)"`).exec(
      agenda,
    )?.[1];
    expect(basis).toBeDefined();
    const accept = () =>
      http.post("/regios/zeeland/agenda", { intent: "accept", dilemmaId: String(id), basis: basis! }, facilitator);
    expect((await accept()).status).toBe(200);
    expect((await accept()).status).toBe(200);
    expect(
      http.one<{ n: number }>(
        "select count(*) as n from audit_log where action = 'dilemma.accept' and target_id = ?",
        String(id),
      )!.n,
    ).toBe(1);
    const reject = await http.post(
      "/regios/zeeland/agenda",
      { intent: "reject", dilemmaId: String(id), basis: basis!, reason: "Dit past niet bij onze leertuin." },
      facilitator,
    );
    expect(reject.status).toBe(409);
    expect(await http.html(reject)).toContain("intussen");
    expect(http.one("select status from dilemmas where id = ?", id)).toEqual({ status: "on-agenda" });
  });

  it("adopting twice makes one draft; a newer source version since the page was opened is a 409", async () => {
    const { slug, version } = zeelandAnswer();
    const twente = await http.logIn(DEMO.otherFacilitator);
    const page = `/dilemmas/${slug}/afspraken/zeeland/${version}/overnemen`;
    const basis = basisOf(await http.html(await http.get(page, twente)));
    expect(basis).toBeDefined();
    const adopt = () => http.post(page, { intent: "adopt", region: "twente", basis: basis! }, twente);
    expect((await adopt()).status).toBe(302);
    expect((await adopt()).status).toBe(302);
    expect(
      http.one<{ n: number }>(
        "select count(*) as n from answer_versions v join answers a on a.id = v.answer_id join regions r on r.id = a.region_id where r.slug = 'twente' and a.dilemma_id = (select id from dilemmas where slug = ?)",
        slug,
      )!.n,
    ).toBe(1);

    // Zeeland publishes a new version while another Twente facilitator still looks at the old one.
    const zeeland = await http.logIn(DEMO.facilitator);
    const editor = `/dilemmas/${slug}/afspraken/zeeland/bewerken`;
    const zBasis = basisOf(await http.html(await http.get(editor, zeeland)))!;
    const other = zeelandAnswer2();
    const otherPage = `/dilemmas/${other.slug}/afspraken/zeeland/${other.version}/overnemen`;
    const otherBasis = basisOf(await http.html(await http.get(otherPage, twente)))!;
    const otherEditor = `/dilemmas/${other.slug}/afspraken/zeeland/bewerken`;
    const oBasis = basisOf(await http.html(await http.get(otherEditor, zeeland)))!;
    expect((await http.post(otherEditor, publishForm(http, { basis: oBasis }), zeeland)).status).toBe(302);
    const stale = await http.post(otherPage, { intent: "adopt", region: "twente", basis: otherBasis }, twente);
    expect(stale.status).toBe(409);
    expect(await http.html(stale)).toContain("intussen");
    expect(zBasis).toBeDefined();
  });
});

/** A second dilemma like zeelandAnswer's. */
const zeelandAnswer2 = () => zeelandAnswersTwenteLacks(http)[1]!;
