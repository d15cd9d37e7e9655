// The afwegingshulp in a real browser, without JavaScript and with it: from an entry point through the
// form (refused, then answered), the answer page and the record, whose download is read back. axe checks
// every page at desktop (1280×800) and phone (390×844) size.
import fs from "node:fs";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, newPage } = useBrowser();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** axe at the page's own size and at the other one. */
async function accessibleAtBothSizes(page: Page) {
  const own = page.viewportSize()!;
  await expectAccessible(page);
  await page.setViewportSize(own.width === DESKTOP.width ? PHONE : DESKTOP);
  await expectAccessible(page);
  await page.setViewportSize(own);
}

/**
 * axe runs inside the page, which a page without JavaScript cannot: the same document, without its
 * scripts, is served at the same address to a page that runs axe. A posted answer has no URL to reload.
 */
async function accessibleWithoutScript(plain: Page) {
  const html = (await plain.content()).replace(/<script\b[\s\S]*?<\/script>/g, "");
  const page = await newPage({ viewport: plain.viewportSize()! });
  await page.route(plain.url(), (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await page.goto(plain.url());
  await accessibleAtBothSizes(page);
  await page.context().close();
}

async function downloadRecord(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Downloaden als tekstbestand" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^afweging-\d{4}-\d{2}-\d{2}\.md$/);
  return fs.readFileSync((await download.path())!, "utf8");
}

describe("the afwegingshulp", () => {
  it("works without JavaScript: a teacher's gut feeling, from the home page to the downloaded record", async () => {
    const page = await newPage({ javaScriptEnabled: false, viewport: DESKTOP });
    await page.goto(baseUrl);
    await page.getByRole("link", { name: "Stap voor stap afwegen" }).click();
    await page.waitForURL(`${baseUrl}/afwegen`);
    await page.getByRole("heading", { level: 1, name: "Stap voor stap afwegen" }).waitFor();
    await accessibleWithoutScript(page);

    // Sent without answers: Dutch errors, summarised and at each field.
    await page.getByRole("button", { name: "Afwegen" }).click();
    await page.getByRole("heading", { name: "Niet alles is goed ingevuld" }).waitFor();
    await page.getByRole("link", { name: "Kies de sector waarin u werkt." }).waitFor();
    await expect(page.getByLabel("In welke sector werkt u?").getAttribute("aria-invalid")).resolves.toBe("true");
    await accessibleWithoutScript(page);

    await page.getByLabel("In welke sector werkt u?").selectOption("onderwijs");
    await page.getByLabel("Uit welke sector komt de vraag?").selectOption("onderwijs");
    const wants = page.getByRole("group", { name: "Wat wil de vrager weten?" });
    await wants.getByLabel("Zorgen over veiligheid").check();
    await wants.getByLabel("Schoolresultaten en verzuim").check();
    const purpose = "Mijn collega en de intern begeleider helpen mij inschatten of mijn zorg over een leerling klopt.";
    await page.getByLabel("Het doel in één zin").fill(purpose);
    await page.getByLabel("Een kind jonger dan 12 jaar").check();
    await page.getByLabel("Nog niet gevraagd").check();
    await page
      .getByRole("group", { name: /^Is er acuut gevaar/ })
      .getByLabel("Nee", { exact: true })
      .check();
    await page.getByRole("button", { name: "Afwegen" }).click();

    await page.getByRole("heading", { level: 1, name: "Uw afweging" }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/afwegen`);
    const matches = page.getByRole("region", { name: "Afspraken van regio's die passen" });
    await matches
      .getByRole("link", { name: "Onderbuikgevoel van de leerkracht eerst toetsen bij een collega" })
      .waitFor();
    await page
      .getByRole("heading", { name: "Geen beroepsgeheim: Overleg binnen de zorgstructuur van de school" })
      .waitFor();
    await page
      .getByRole("region", { name: "De vijf vragen van de afweging" })
      .getByText(purpose, { exact: true })
      .waitFor();
    await accessibleWithoutScript(page);

    await page.getByRole("group", { name: "Welke route volgt u?" }).getByLabel("Geen beroepsgeheim").check();
    const consulted = page.getByLabel("Welke regionale afspraak heeft u geraadpleegd?");
    const twente = await consulted.locator("option", { hasText: /Onderbuikgevoel.*Twente/ }).getAttribute("value");
    await consulted.selectOption(twente!);
    await page.getByRole("button", { name: "Afweging vastleggen" }).click();

    await page.getByRole("heading", { level: 1, name: "Afweging: mag ik dit delen?" }).waitFor();
    await page.getByText("Leertuin heeft niets van deze afweging opgeslagen", { exact: false }).first().waitFor();
    // Printing is the browser's own without JavaScript: no button that does nothing.
    await expect(page.getByRole("button", { name: "Afdrukken" }).count()).resolves.toBe(0);
    await accessibleWithoutScript(page);

    const text = await downloadRecord(page);
    expect(text).toMatch(/^# Afweging: mag ik dit delen\?/);
    expect(text).toContain(`- Doel: ${purpose}`);
    expect(text).toContain("- Ik werk in: Onderwijs");
    expect(text).toContain("## Gekozen route\n\nGeen beroepsgeheim: Overleg binnen de zorgstructuur van de school;");
    expect(text).toMatch(
      /## Geraadpleegde regionale afspraak\n\n- Onderbuikgevoel van de leerkracht .* — Leertuin Twente, versie \d+/,
    );
    expect(text).toContain(`(${baseUrl}/beroepscodes/beroepscode-leraren#zorgstructuur)`);
  });

  it("follows a choice made while a slow phone is still starting the page", async () => {
    // Hydrating inside startTransition, React 18.3 threw #345 on such a choice and the page stayed dead.
    for (let attempt = 0; attempt < 4; attempt++) {
      const page = await newPage({ viewport: PHONE });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
      await page.goto(`${baseUrl}/dilemmas/veilig-thuis-vraagt-huisarts-informatie`);
      await page.getByRole("link", { name: "Afwegen voor mijn situatie" }).click();
      await page.getByRole("heading", { level: 1, name: "Stap voor stap afwegen" }).waitFor();
      // A different moment of the start each time: the fault showed only while React was taking over.
      await page.waitForTimeout(attempt * 30);
      await page.getByLabel("In welke sector werkt u?").selectOption("onderwijs");
      await page.getByText("Gebruikelijk in de sector onderwijs: geen beroepsgeheim.").waitFor({ timeout: 10_000 });
      expectNoPageErrors(page);
      await page.context().close();
    }
  });

  it("follows a choice made the moment React starts taking over the page", async () => {
    // The slow phone above meets this moment by chance; here the choice is made in it every time: as soon
    // as React has put its listeners on the document, before it has read the page's data. React 18.3 then
    // threw #345 and the page stayed dead.
    const page = await newPage({ viewport: PHONE });
    await page.addInitScript(() => {
      const listen = EventTarget.prototype.addEventListener;
      let chosen = false;
      EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof listen>) {
        listen.apply(this, args);
        if (this !== document || args[0] !== "change" || chosen) return;
        chosen = true;
        queueMicrotask(() => {
          const sector = document.querySelector<HTMLSelectElement>("select[name=sector]")!;
          sector.value = "onderwijs";
          sector.dispatchEvent(new Event("input", { bubbles: true }));
          sector.dispatchEvent(new Event("change", { bubbles: true }));
        });
      };
    });
    await page.goto(`${baseUrl}/afwegen`);
    await page.getByText("Gebruikelijk in de sector onderwijs: geen beroepsgeheim.").waitFor({ timeout: 10_000 });
    expectNoPageErrors(page);
    await page.context().close();
  });

  it("works with JavaScript on a phone: a huisarts asked by Veilig Thuis, from the dilemma page", async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto(`${baseUrl}/dilemmas/veilig-thuis-vraagt-huisarts-informatie`);
    await page.getByRole("link", { name: "Afwegen voor mijn situatie" }).click();
    await page.getByRole("heading", { level: 1, name: "Stap voor stap afwegen" }).waitFor();
    await expect(page.getByLabel("In welke sector werkt u?").inputValue()).resolves.toBe("huisarts");
    await expect(page.getByLabel("Uit welke sector komt de vraag?").inputValue()).resolves.toBe("veilig-thuis");
    await page.getByText("Gebruikelijk in de sector huisarts: wel beroepsgeheim.").waitFor();
    // The sector's usual answer follows the choice.
    await page.getByLabel("In welke sector werkt u?").selectOption("onderwijs");
    await page.getByText("Gebruikelijk in de sector onderwijs: geen beroepsgeheim.").waitFor();
    await page.getByLabel("In welke sector werkt u?").selectOption("huisarts");
    await accessibleAtBothSizes(page);

    const wants = page.getByRole("group", { name: "Wat wil de vrager weten?" });
    await wants.getByLabel("Gezondheid of diagnose").check();
    await wants.getByLabel("Zorgen over veiligheid").check();
    // The guard stops a phone number in the purpose and keeps the text.
    const blocked = "Veilig Thuis belde vanaf 06-12345678 over de kinderen van een patiënt.";
    await page.getByLabel("Het doel in één zin").fill(blocked);
    await page.getByLabel("Een volwassene, bijvoorbeeld een ouder").check();
    await page.getByLabel("Vragen kan niet zonder gevaar").check();
    await page.getByLabel("Ja, een vermoeden van huiselijk geweld of kindermishandeling").check();
    await page.getByRole("button", { name: "Afwegen" }).click();
    await page.getByText("We hebben niets opgeslagen").waitFor();
    await expect(page.locator("mark.finding--block").textContent()).resolves.toContain("06-12345678");
    await expect(page.getByLabel("Het doel in één zin").inputValue()).resolves.toBe(blocked);
    await accessibleAtBothSizes(page);

    const purpose = "Veilig Thuis onderzoekt zorgen over de kinderen en vraagt wat de huisarts bij de ouders zag.";
    await page.getByLabel("Het doel in één zin").fill(purpose);
    await page.getByRole("button", { name: "Afwegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Uw afweging" }).waitFor();
    const matches = page.getByRole("region", { name: "Afspraken van regio's die passen" });
    await matches.getByRole("link", { name: /^Veilig Thuis vraagt de huisarts om informatie/ }).waitFor();
    await page.getByRole("heading", { name: "Meldrecht: Veilig Thuis vraagt om informatie" }).waitFor();
    await page.getByRole("link", { name: "Wmo 2015, Artikel 5.2.6 — Meldrecht bij Veilig Thuis" }).first().waitFor();
    await accessibleAtBothSizes(page);

    await page.getByRole("group", { name: "Welke route volgt u?" }).getByLabel("Meldrecht").check();
    await page.getByRole("button", { name: "Afweging vastleggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Afweging: mag ik dit delen?" }).waitFor();
    await page.getByRole("button", { name: "Afdrukken" }).waitFor();
    await accessibleAtBothSizes(page);

    const text = await downloadRecord(page);
    expect(text).toContain(`- Doel: ${purpose}`);
    expect(text).toContain("## Gekozen route\n\nMeldrecht: Veilig Thuis vraagt om informatie.");
    expect(text).toContain("## Geraadpleegde regionale afspraak\n\nGeen.");
    expect(text).toContain(
      `- Wmo 2015, Artikel 5.2.6 — Meldrecht bij Veilig Thuis (${baseUrl}/beroepscodes/wmo-2015#artikel-5-2-6)`,
    );
    expectNoPageErrors(page);
  });
});
