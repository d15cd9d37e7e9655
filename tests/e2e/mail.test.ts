import { describe, expect, it } from "vitest";

import { DESKTOP, expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";
import { proposalForm } from "../support/http";

const { baseUrl, newPage, logIn } = useBrowser();

/** A member's proposal, sent as the form would: it gives Zeeland's facilitators a mail in the outbox. */
async function proposeAsMember() {
  const form = (body: Record<string, string> | URLSearchParams, cookie?: string) =>
    fetch(baseUrl + (cookie ? "/voorstellen" : "/inloggen"), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(body),
    });
  const login = await form({ email: "lid.zeeland@leertuin.test", password: "leertuin-demo" });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const response = await form(proposalForm({ title: "Voorstel voor de e-mailtest" }), cookie);
  expect(response.status).toBe(302);
}

describe("e-mail", () => {
  it("shows the outbox to an admin, unsubscribes from a mail's link and sets the choice in the account — accessible", async () => {
    await proposeAsMember();
    const admin = await logIn("admin@leertuin.test", { viewport: DESKTOP });
    await admin.goto(`${baseUrl}/beheer/mail`);
    await admin.getByRole("heading", { level: 1, name: "E-mail" }).waitFor();
    await admin.getByText("Er is geen mailserver ingesteld (SMTP_URL)").waitFor();
    const mail = admin.locator("details").filter({ hasText: "Leertuin: nieuw voorstel voor uw regio" }).first();
    await mail.locator("summary").click();
    await expectAccessible(admin);
    const text = await mail.locator("pre").innerText();
    expect(text).toContain("Voorstel voor de e-mailtest");
    const unsubscribe = /Geen e-mail meer: (\S+)/.exec(text)![1]!;

    // The link from the mail, opened without being logged in.
    const reader = await newPage();
    await reader.goto(unsubscribe);
    await reader.getByRole("heading", { level: 1, name: "Afmelden voor e-mail" }).waitFor();
    await expectAccessible(reader);
    await reader.getByRole("button", { name: "Geen e-mail meer" }).click();
    await reader.getByText("U bent afgemeld. U krijgt geen e-mail meer van Leertuin.").waitFor();
    await expectAccessible(reader);
    expectNoPageErrors(reader);

    const member = await logIn("lid.twente@leertuin.test");
    await member.goto(`${baseUrl}/account`);
    await member.getByRole("heading", { level: 2, name: "E-mail over meldingen" }).waitFor();
    await member.getByLabel("Direct: een e-mail bij elke melding").check();
    await member.getByRole("button", { name: "Keuze opslaan" }).click();
    await member.getByRole("status").filter({ hasText: "Uw keuze voor e-mail is opgeslagen." }).waitFor();
    await expect(member.getByLabel("Direct: een e-mail bij elke melding").isChecked()).resolves.toBe(true);
    await expectAccessible(member);
    expectNoPageErrors(member);
    expectNoPageErrors(admin);
  });
});
