// Answer first, in a real browser at phone and desktop size: the verdicts on the first phone screen,
// results before filters, the reader's own region first, the error summary taking focus, and a publish
// button that cannot publish twice. axe (desktop and phone) on every page visited.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, PHONE, useBrowser } from "../support/browser";

const { baseUrl, newPage, logIn } = useBrowser();

/** The regions of the verdict summary, top to bottom, and the one marked "Uw regio". */
async function summaryRows(page: Page) {
  const rows = page.locator(".verdict-summary .verdict-row");
  const regions = await rows
    .locator(".verdict-row__region")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.slice(1)));
  const own = await page
    .locator(".verdict-summary .verdict-row--own .verdict-row__region")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.slice(1)));
  return { regions, own };
}

/** Publishes an answer for a region over HTTP as the demo admin (who may answer for every region). */
async function publishAs(admin: Page, dilemma: string, region: string, verdict: string, agreement: string) {
  const response = await admin.request.post(`${baseUrl}/dilemmas/${dilemma}/afspraken/${region}/bewerken`, {
    headers: { origin: baseUrl },
    form: {
      intent: "publish",
      verdict,
      route: "toestemming",
      grounding: "Toestemming van de ouders en de leerling.",
      purpose: "De leerling gaat weer naar school.",
      necessity: "Alleen wat de leerplichtambtenaar nodig heeft.",
      proportionality: "Eerst het gesprek met de ouders.",
      agreement,
      conditions: "",
      agreedOn: "2026-10-01",
      agreedBy: "",
      reviewBy: "2028-10-01",
    },
    maxRedirects: 0,
  });
  expect(response.status(), `publishing for ${region}`).toBe(302);
}

describe("the verdict summary", () => {
  it("shows every region's verdict on the first phone screen, for a dilemma four regions answered", async () => {
    const dilemma = "schoolverzuim-leerplicht-en-jeugdhulp";
    const admin = await logIn("admin@leertuin.test");
    // Two more regions answer, with long agreements, so four verdicts must fit.
    const long =
      "De jeugdhulpverlener vertelt de leerplichtambtenaar alleen dat er hulp loopt en dat het verzuim daarmee samenhangt, na toestemming van de ouders en de leerling, en nooit de diagnose of wat er in de behandeling besproken wordt. Verder niets.";
    await publishAs(admin, dilemma, "twente", "delen-onder-voorwaarden", long);
    await publishAs(admin, dilemma, "groningen", "niet-delen", long);

    const page = await newPage({ viewport: PHONE });
    await page.goto(`${baseUrl}/dilemmas/${dilemma}`);
    await page.getByRole("heading", { level: 2, name: "De oordelen van 4 regio's" }).waitFor();
    const badges = page.locator(".verdict-summary .verdict-badge");
    await expect(badges.count()).resolves.toBe(4);
    for (const box of await badges.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom, "a verdict below the first phone screen").toBeLessThanOrEqual(PHONE.height);
    }
    // The summary says what each verdict means with its route, and links to the card.
    await expect(page.locator(".verdict-row__context").first().textContent()).resolves.toMatch(/Route: /);
    await page.locator(".verdict-row__region").first().click();
    await expect(page.evaluate(() => location.hash)).resolves.toMatch(/^#[a-z-]+$/);

    // Each card opens with its Afspraak and conditions; the weighing is folded below them.
    const card = page.locator("article.answer").first();
    const order = await card
      .locator("h4, summary")
      .evaluateAll((els) => els.map((el) => el.textContent!.replace(/:.*/, "").trim()));
    expect(order.indexOf("Afspraak")).toBeLessThan(order.indexOf("De afweging"));
    await expect(card.getByRole("heading", { name: "Grondslag" }).isVisible()).resolves.toBe(false);
    await card.getByText("De afweging").click();
    await expect(card.getByRole("heading", { name: "Grondslag" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    expectNoPageErrors(page);
    expectNoPageErrors(admin);
  });
});

describe("search on a phone", () => {
  it("shows the first result before the filters, within the first screen", async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto(`${baseUrl}/zoeken?q=leerling+verzuim+wijkteam`);
    const first = page.locator(".search-results .card").first();
    await first.waitFor();
    const resultTop = await first.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    const filtersTop = await page.locator(".search-facets").evaluate((el) => el.getBoundingClientRect().top + scrollY);
    expect(resultTop).toBeLessThan(filtersTop);
    expect(resultTop).toBeLessThan(PHONE.height);
    // Dilemma results say which way the information goes.
    await expect(page.locator(".search-results .direction").count()).resolves.toBeGreaterThan(0);
    // The filters are one link away.
    await page.getByRole("link", { name: "Verfijn de resultaten" }).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe("#facetten-titel");
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("offers a visitor the way to propose when nothing is found", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/zoeken?q=xyzzyplugh`);
    await page.getByRole("heading", { level: 2, name: "Staat uw vraag er niet bij?" }).waitFor();
    await page.getByRole("link", { name: "Vraag een account aan" }).waitFor();
    await expectAccessible(page);
  });
});

describe("own region first", () => {
  // Answered by Groningen and Twente: Groningen comes first by name.
  const dilemma = "/dilemmas/onderbuikgevoel-leerkracht-collega";

  it("for a member: their region heads the summary and the cards, marked", async () => {
    const page = await logIn("lid.twente@leertuin.test");
    await page.goto(baseUrl + dilemma);
    await expect(summaryRows(page)).resolves.toEqual({ regions: ["twente", "groningen"], own: ["twente"] });
    await expect(page.locator("article.answer").first().getAttribute("id")).resolves.toBe("twente");
    await expect(page.locator("article.answer").first().getByText("Uw regio").count()).resolves.toBe(1);
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("for a visitor who chose a region with the form, without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(baseUrl + dilemma);
    await expect(summaryRows(page)).resolves.toEqual({ regions: ["groningen", "twente"], own: [] });
    await page.getByLabel("Mijn regio").selectOption({ label: "Twente" });
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.waitForURL(baseUrl + dilemma);
    await expect(summaryRows(page)).resolves.toEqual({ regions: ["twente", "groningen"], own: ["twente"] });
    // Lists follow the choice too.
    await page.goto(`${baseUrl}/dilemmas?regio=groningen&sector=onderwijs`);
    const meta = page.locator(`.card:has(a[href="${dilemma}"]) .card__meta`).first();
    await expect(meta.textContent()).resolves.toMatch(/^Twente\s*Uw regio: .*Groningen/);
  });

  it("for a visitor who chose a region with JavaScript", async () => {
    const page = await newPage();
    await page.goto(baseUrl + dilemma);
    await page.getByLabel("Mijn regio").selectOption({ label: "Twente" });
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.locator(".verdict-row--own").waitFor();
    await expect(summaryRows(page)).resolves.toEqual({ regions: ["twente", "groningen"], own: ["twente"] });
    await expectAccessible(page);
    expectNoPageErrors(page);
  });
});

describe("navigation inside the app", () => {
  it("announces the new page's title politely", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/dilemmas`);
    const link = page.locator(".card h2 a").first();
    const title = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/dilemmas\/[a-z0-9-]+$/);
    await page
      .locator('[aria-live="polite"]')
      .filter({ hasText: `${title} — Leertuin` })
      .waitFor();
    expectNoPageErrors(page);
  });
});

describe("forms", () => {
  it("move focus to the error summary after a failed submit with JavaScript; its links lead to the fields", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/registreren`);
    await page.getByLabel("Naam").fill("Iemand");
    await page.getByRole("button", { name: "Account aanvragen" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(summary.getByRole("heading", { name: "Niet alles is goed ingevuld" }).count()).resolves.toBe(1);
    await expect(page.getByLabel("Naam").inputValue()).resolves.toBe("Iemand");
    const links = summary.getByRole("link");
    expect(await links.count()).toBeGreaterThan(1);
    await links.first().click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("email");
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("move focus to the error summary without JavaScript too", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/registreren`);
    await page.getByRole("button", { name: "Account aanvragen" }).click();
    await page.locator(".error-summary").waitFor();
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe("error-summary");
  });

  it("publish once on a double click: the button is disabled while the first submit is on its way", async () => {
    const page = await logIn("begeleider.zeeland@leertuin.test");
    const dilemma = "/dilemmas/meer-delen-dan-doel-vraagt";
    await page.goto(`${baseUrl}${dilemma}/afspraken/zeeland/bewerken`);
    await page.getByRole("heading", { level: 1, name: "Afspraak van Zeeland" }).waitFor();
    const current = Number(/Geldend is versie (\d+)/.exec((await page.locator("main").textContent())!)![1]);
    await page
      .getByLabel("Afspraak", { exact: true })
      .fill("De wijkcoach deelt alleen wat voor het doel nodig is, en vraagt eerst toestemming.");
    // Hold the publish request a moment, so what happens while it is on its way can be seen.
    const posts: string[] = [];
    await page.route("**/bewerken.data", async (route) => {
      posts.push(route.request().method());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole("button", { name: "Publiceren" }).dblclick();
    const busy = page.getByRole("button", { name: "Bezig met publiceren…" });
    await busy.waitFor();
    await expect(busy.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Concept opslaan" }).isDisabled()).resolves.toBe(true);
    // A second submit while the first is on its way (another click, Enter in a field) is not sent.
    await page
      .locator("form.stack-form")
      .first()
      .evaluate((form: HTMLFormElement) => form.requestSubmit());
    await page.waitForURL(new RegExp(`/afspraken/zeeland/${current + 1}\\?gepubliceerd=1$`));
    await page.getByText(`De afspraak is gepubliceerd als versie ${current + 1}.`).waitFor();
    expect(posts).toEqual(["POST"]);
    // No second version was made.
    const next = await page.request.get(`${baseUrl}${dilemma}/afspraken/zeeland/${current + 2}`);
    expect(next.status()).toBe(404);
    expectNoPageErrors(page);
  });
});
