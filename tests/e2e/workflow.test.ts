// The whole journey of the learning garden in a real browser: a member proposes (the guard stops a
// phone number), the facilitator accepts and publishes, another region adopts with a change, and the
// member is told. axe checks every page on the way.
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, logIn } = useBrowser();

const TITLE = "Oma haalt de kinderen niet meer op";

describe("the learning garden at work", () => {
  it("member proposes, facilitator accepts and publishes, another region adopts with a change, the member is told", async () => {
    // 1. The member proposes; the guard stops a phone number and keeps the text.
    const member = await logIn("lid.zeeland@leertuin.test");
    await member.getByRole("link", { name: "Voorstellen" }).click();
    await member.getByRole("heading", { level: 1, name: "Dilemma voorstellen" }).waitFor();
    await expectAccessible(member);
    await member.getByLabel("Titel", { exact: true }).fill(TITLE);
    await member
      .getByLabel("De vraag", { exact: true })
      .fill("Mag de school het wijkteam vertellen dat de kinderen na school alleen wachten?");
    const situation =
      "Twee broertjes wachten na school vaak een uur op het plein. De moeder is bereikbaar op 06-12345678 maar neemt niet op.";
    await member.getByLabel("De situatie", { exact: true }).fill(situation);
    await member.getByLabel("Welke sector heeft de informatie?").selectOption("onderwijs");
    await member.getByRole("group", { name: "Welke sectoren vragen erom?" }).getByLabel("Wijkteam").check();
    await member.getByRole("group", { name: "Thema's" }).getByLabel("Signalen en zorgen").check();
    await member.getByRole("button", { name: "Voorstel indienen" }).click();
    await member.getByText("We hebben niets opgeslagen").waitFor();
    await expect(member.locator("mark.finding--block").textContent()).resolves.toContain("06-12345678");
    await expect(member.getByLabel("De situatie", { exact: true }).inputValue()).resolves.toBe(situation);
    await expect(member.getByLabel("Titel", { exact: true }).inputValue()).resolves.toBe(TITLE);
    await expectAccessible(member);
    await member
      .getByLabel("De situatie", { exact: true })
      .fill("Twee broertjes wachten na school vaak een uur op het plein. De moeder neemt de telefoon niet op.");
    await member.getByRole("button", { name: "Voorstel indienen" }).click();
    await member.getByText("Uw voorstel is ingediend").waitFor();
    await member.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await expectAccessible(member);

    // 2. The facilitator puts it on the agenda and publishes an answer.
    const facilitator = await logIn("begeleider.zeeland@leertuin.test");
    await facilitator.getByRole("link", { name: "Agenda" }).click();
    await facilitator.getByRole("heading", { level: 1, name: "Agenda van leertuin Zeeland" }).waitFor();
    await expectAccessible(facilitator);
    await facilitator.getByRole("button", { name: `Op de agenda (${TITLE})` }).click();
    await facilitator.getByText("Het voorstel staat op de agenda.").waitFor();
    await facilitator.getByRole("link", { name: `afspraak schrijven (${TITLE})` }).click();
    await facilitator.getByRole("heading", { level: 1, name: "Afspraak van Zeeland" }).waitFor();
    await expectAccessible(facilitator);
    await facilitator.getByRole("group", { name: "Oordeel" }).getByLabel("Delen onder voorwaarden").check();
    await facilitator.getByRole("group", { name: "Route" }).getByLabel("Toestemming").check();
    await facilitator.getByLabel("Grondslag", { exact: true }).fill("Toestemming van de ouders.");
    await facilitator.getByLabel("Doel", { exact: true }).fill("De kinderen zijn na school veilig opgevangen.");
    await facilitator.getByLabel("Noodzaak", { exact: true }).fill("Alleen dat de kinderen vaak alleen wachten.");
    await facilitator
      .getByLabel("Proportionaliteit en subsidiariteit", { exact: true })
      .fill("Eerst een gesprek met de moeder.");
    await facilitator
      .getByLabel("Afspraak", { exact: true })
      .fill("De school spreekt de moeder aan en vraagt toestemming om het wijkteam in te schakelen.");
    await facilitator
      .getByLabel("Voorwaarden", { exact: true })
      .fill("Informeer de moeder vooraf\nLeg het gesprek vast");
    await facilitator.getByText("Algemene verordening gegevensbescherming (AVG)").click();
    await facilitator.getByLabel("Art. 6 lid 1 sub a — Toestemming als grondslag").check();
    await facilitator.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    await facilitator.getByRole("heading", { name: "Voorbeeld (nog niet opgeslagen)" }).waitFor();
    await expectAccessible(facilitator);
    await facilitator.getByRole("button", { name: "Publiceren" }).click();
    await facilitator.getByText("De afspraak is gepubliceerd als versie 1.").waitFor();
    await expectAccessible(facilitator);
    const dilemmaPath = new URL(facilitator.url()).pathname.split("/afspraken/")[0]!;

    // 3. Twente's facilitator takes it over, with a change of its own.
    const twente = await logIn("begeleider.twente@leertuin.test");
    await twente.goto(`${baseUrl}${dilemmaPath}`);
    await twente.getByRole("link", { name: /^Overnemen voor Twente/ }).click();
    await twente.getByRole("heading", { level: 1, name: "Afspraak van Zeeland overnemen" }).waitFor();
    await expectAccessible(twente);
    await twente.getByRole("button", { name: "Concept maken" }).click();
    await twente.getByRole("heading", { level: 1, name: "Afspraak van Twente" }).waitFor();
    await expect(twente.getByLabel("Afspraak", { exact: true }).inputValue()).resolves.toContain(
      "De school spreekt de moeder aan",
    );
    await twente
      .getByLabel("Afspraak", { exact: true })
      .fill("De school belt de moeder dezelfde dag en vraagt toestemming om het wijkteam in te schakelen.");
    await twente.getByRole("button", { name: "Publiceren" }).click();
    await twente.getByText("De afspraak is gepubliceerd als versie 1.").waitFor();
    await twente.getByText("Wat Twente veranderde aan de afspraak van Zeeland").waitFor();
    await expect(twente.locator("mark.diff-text__only").first().textContent()).resolves.toMatch(/belt|spreekt/);
    await expectAccessible(twente);

    // 4. The member sees what happened to the proposal.
    await member.goto(`${baseUrl}/`);
    await expect(member.locator(".count-badge").textContent()).resolves.toBe("2");
    await member.getByRole("link", { name: /^Meldingen/ }).click();
    await member.getByText(`Uw voorstel "${TITLE}" staat op de agenda.`).waitFor();
    await member.getByText(/Er is een afspraak over uw voorstel/).waitFor();
    await expectAccessible(member);
    await member.getByRole("button", { name: "Alles als gelezen markeren" }).click();
    await member.getByText("U heeft alles gelezen.").waitFor();
    await expect(member.locator(".count-badge").count()).resolves.toBe(0);

    for (const page of [member, facilitator, twente]) expectNoPageErrors(page);
  });
});
