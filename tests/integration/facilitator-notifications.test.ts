// Facilitators hear, in the transaction of the write, of work for their agenda (a new proposal, a
// suggestion to adopt) and of what happens to their region's answers (adopted, commented on); the
// header's Agenda link says how many items wait.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient, proposalForm, publishForm, zeelandAnswersTwenteLacks } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const userId = (email: string) => http.one<{ id: number }>("select id from users where email = ?", email)!.id;
const notificationsOf = (email: string) =>
  http.sql<{ kind: string; message: string; href: string }>(
    "select kind, message, href from notifications where user_id = ? order by id",
    userId(email),
  );

/** A Zeeland answer in force on a dilemma Twente has not answered. */
const zeelandSource = () => zeelandAnswersTwenteLacks(http)[0]!;

/** The count beside the header's Agenda link, or null without one. */
async function agendaCount(cookie: string) {
  const html = await http.html(await http.get("/meldingen", cookie));
  const match = /href="\/regios\/zeeland\/agenda">Agenda(?: <span class="count-badge">(\d+)<\/span>)?/.exec(html);
  expect(match, "the Agenda link in the header").not.toBeNull();
  return match![1] ? Number(match![1]) : 0;
}

describe("a facilitator is told", () => {
  it("of a new proposal in their region, and the Agenda link counts it", async () => {
    const facilitator = await http.logIn(DEMO.facilitator);
    const before = await agendaCount(facilitator);
    const waiting = http.one<{ n: number }>(
      `select (select count(*) from dilemmas d join regions r on r.id = d.origin_region_id where r.slug = 'zeeland' and d.status = 'proposed')
        + (select count(*) from adoption_suggestions s join regions r on r.id = s.region_id where r.slug = 'zeeland' and s.status = 'open') as n`,
    )!.n;
    expect(before).toBe(waiting);

    const response = await http.post(
      "/voorstellen",
      proposalForm({
        title: "Broertje vaak afwezig op de opvang",
        question: "Mag de pedagogisch medewerker het wijkteam vertellen dat een broertje vaak afwezig is?",
        situation: "Een jongen van vier komt sinds de zomer vaak niet naar de opvang.",
        purpose: "",
      }),
      await http.logIn(DEMO.member),
    );
    expect(response.status).toBe(302);
    expect(notificationsOf(DEMO.facilitator)).toEqual([
      {
        kind: "proposal-new",
        message: 'Nieuw voorstel voor leertuin Zeeland: "Broertje vaak afwezig op de opvang".',
        href: "/regios/zeeland/agenda",
      },
    ]);
    // Twente's facilitator is not concerned; the member who proposed is not told of their own act.
    expect(notificationsOf(DEMO.otherFacilitator)).toEqual([]);
    expect(notificationsOf(DEMO.member)).toEqual([]);
    expect(await agendaCount(facilitator)).toBe(before + 1);
  });

  it("of a member's suggestion for their agenda", async () => {
    const source = zeelandSource();
    const response = await http.post(
      `/dilemmas/${source.slug}/afspraken/zeeland/${source.version}/overnemen`,
      { intent: "suggest", region: "twente", note: "Past goed bij onze werkwijze." },
      await http.logIn(DEMO.otherMember),
    );
    expect(response.status).toBe(200);
    expect(notificationsOf(DEMO.otherFacilitator).map((n) => [n.kind, n.href])).toEqual([
      ["suggestion-new", "/regios/twente/agenda"],
    ]);
    expect(notificationsOf(DEMO.facilitator)).toEqual([]);
  });

  it("when another region adopts their region's answer", async () => {
    const source = zeelandSource();
    const twente = await http.logIn(DEMO.otherFacilitator);
    const adoptPage = `/dilemmas/${source.slug}/afspraken/zeeland/${source.version}/overnemen`;
    expect((await http.post(adoptPage, { intent: "adopt", region: "twente" }, twente)).status).toBe(302);
    // A draft tells nobody; the publication does.
    expect(notificationsOf(DEMO.facilitator)).toEqual([]);
    const published = await http.post(`/dilemmas/${source.slug}/afspraken/twente/bewerken`, publishForm(http), twente);
    expect(published.status).toBe(302);
    expect(notificationsOf(DEMO.facilitator)).toEqual([
      {
        kind: "answer-adopted",
        message: `Leertuin Twente heeft de afspraak van uw regio over "${source.title}" overgenomen (versie 1).`,
        href: `/dilemmas/${source.slug}#twente`,
      },
    ]);
    expect(notificationsOf(DEMO.otherFacilitator)).toEqual([]);
  });

  it("a member, when their facilitator adopts the answer they suggested: the suggestion closes", async () => {
    const source = zeelandSource();
    const adoptPage = `/dilemmas/${source.slug}/afspraken/zeeland/${source.version}/overnemen`;
    const member = await http.logIn(DEMO.otherMember);
    expect(
      (await http.post(adoptPage, { intent: "suggest", region: "twente", note: "Past bij ons." }, member)).status,
    ).toBe(200);
    const twente = await http.logIn(DEMO.otherFacilitator);
    expect((await http.post(adoptPage, { intent: "adopt", region: "twente" }, twente)).status).toBe(302);
    const published = await http.post(`/dilemmas/${source.slug}/afspraken/twente/bewerken`, publishForm(http), twente);
    expect(published.status).toBe(302);
    expect(http.sql("select status, decided_by as decidedBy from adoption_suggestions")).toEqual([
      { status: "adopted", decidedBy: userId(DEMO.otherFacilitator) },
    ]);
    expect(notificationsOf(DEMO.otherMember)).toEqual([
      {
        kind: "suggestion-decided",
        message: "Een afspraak die u voorstelde over te nemen, is overgenomen.",
        href: `/dilemmas/${source.slug}`,
      },
    ]);
  });

  it("of a comment on a dilemma their region answered, but not of their own", async () => {
    const source = zeelandSource();
    expect(
      (
        await http.post(
          `/dilemmas/${source.slug}`,
          { intent: "comment", body: "Bij ons gaat dit net zo." },
          await http.logIn(DEMO.otherMember),
        )
      ).status,
    ).toBe(200);
    expect(notificationsOf(DEMO.facilitator).map((n) => n.kind)).toEqual(["comment-on-answer"]);
    expect(notificationsOf(DEMO.facilitator)[0]!.href).toMatch(new RegExp(`^/dilemmas/${source.slug}#reactie-\\d+$`));
    // Twente has no answer here.
    expect(notificationsOf(DEMO.otherFacilitator)).toEqual([]);

    const own = await http.post(
      `/dilemmas/${source.slug}`,
      { intent: "comment", body: "Dat klopt, zo hebben we het afgesproken." },
      await http.logIn(DEMO.facilitator),
    );
    expect(own.status).toBe(200);
    expect(notificationsOf(DEMO.facilitator)).toHaveLength(1);
  });

  it("nothing when the write is refused: no notification without its proposal", async () => {
    const response = await http.post(
      "/voorstellen",
      { region: "zeeland", title: "", question: "", situation: "", holderSector: "onderwijs" },
      await http.logIn(DEMO.member),
    );
    expect(response.status).toBe(400);
    expect(http.one<{ n: number }>("select count(*) as n from notifications")!.n).toBe(0);
  });
});
