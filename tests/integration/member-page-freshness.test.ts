// A member's dilemma page keeps its shared part (answers as shown, terms, situation) until the next
// write (app/models/dilemma-page.server.ts): every change must show at once.
import { describe, expect, it } from "vitest";

import { DEMO, httpClient, publishForm } from "../support/http";
import { useTestServer } from "../support/test-server";

const server = useTestServer();
const http = httpClient(server);

const zeelandAnswer = () =>
  http.one<{ slug: string; versionId: number; version: number }>(
    `select d.slug, v.id as versionId, v.version from current_answer_versions v join dilemmas d on d.id = v.dilemma_id
     join regions r on r.id = v.region_id where r.slug = 'zeeland' order by d.slug limit 1`,
  )!;

describe("a member's dilemma page", () => {
  it("shows a revision published by a facilitator at once", async () => {
    const { slug, version } = zeelandAnswer();
    const member = await http.logIn(DEMO.member);
    const before = await http.html(await http.get(`/dilemmas/${slug}`, member));
    expect(before).not.toContain("reigerkolonieafspraak");
    const facilitator = await http.logIn(DEMO.facilitator);
    const published = await http.post(
      `/dilemmas/${slug}/afspraken/zeeland/bewerken`,
      publishForm(http, { agreement: "Bel eerst de ouders; zo staat het in de reigerkolonieafspraak." }),
      facilitator,
    );
    expect(published.headers.get("location")).toBe(`/dilemmas/${slug}/afspraken/zeeland/${version + 1}?gepubliceerd=1`);
    expect(await http.html(await http.get(`/dilemmas/${slug}`, member))).toContain("reigerkolonieafspraak");
  });

  it("shows a change another connection wrote without an audit entry", async () => {
    const { slug, versionId } = zeelandAnswer();
    const member = await http.logIn(DEMO.member);
    expect(await http.html(await http.get(`/dilemmas/${slug}`, member))).not.toContain("lepelaarafspraak");
    server
      .db()
      .$client.prepare("update answer_versions set agreement_md = ? where id = ?")
      .run("Zo staat het in de lepelaarafspraak.", versionId);
    expect(await http.html(await http.get(`/dilemmas/${slug}`, member))).toContain("lepelaarafspraak");
  });

  it("still gives a facilitator what only a facilitator may do after a member's request kept the answers", async () => {
    const { slug } = zeelandAnswer();
    const member = await http.get(`/dilemmas/${slug}`, await http.logIn(DEMO.member));
    const facilitator = await http.get(`/dilemmas/${slug}`, await http.logIn(DEMO.facilitator));
    expect(member.status).toBe(200);
    expect(facilitator.status).toBe(200);
    expect(await http.html(facilitator)).toContain("/afspraken/zeeland/bewerken");
    expect(await http.html(member)).not.toContain("/afspraken/zeeland/bewerken");
  });
});
