import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, newPage } = useBrowser();

describe("the reading journey", () => {
  it("goes from the home page through a dilemma, a cited article and a region — accessible on every page", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await expect(page.title()).resolves.toBe("Startpagina — Leertuin");
    await page.getByRole("heading", { level: 1, name: "Mag ik dit delen?" }).waitFor();
    await expect(
      // With scripts running the search box is a combobox with suggestions (tests/e2e/search-suggestions.test.ts).
      page.getByRole("combobox", { name: "Zoek een dilemma, afspraak of artikel" }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Dilemma's" }).click();
    await page.waitForURL(`${baseUrl}/dilemmas`);
    await page.getByRole("heading", { level: 1, name: "Dilemma's" }).waitFor();
    await expectAccessible(page);

    const firstTheme = await page.locator("#filter-thema option").nth(1).getAttribute("value");
    await page.getByLabel("Thema").selectOption(firstTheme!);
    await page.getByRole("button", { name: "Filter toepassen" }).click();
    await page.waitForURL(new RegExp(`thema=${firstTheme}`));
    await page.getByRole("status").filter({ hasText: "met deze filters" }).waitFor();
    await expectAccessible(page);

    const dilemmaLink = page.getByRole("list").getByRole("heading", { level: 2 }).first().getByRole("link");
    const dilemmaTitle = await dilemmaLink.textContent();
    await dilemmaLink.click();
    await page.waitForURL(/\/dilemmas\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1, name: dilemmaTitle!, exact: true }).waitFor();
    await expect(page.title()).resolves.toBe(`${dilemmaTitle} — Leertuin`);
    await expect(page.getByRole("heading", { name: /^Afspraak / }).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);

    const citation = page.locator(".citations a").first();
    const href = await citation.getAttribute("href");
    await citation.click();
    await page.waitForURL(`${baseUrl}${href}`);
    const anchor = href!.split("#")[1]!;
    await page
      .locator(`#${anchor}`)
      .getByText(/Aangehaald in \d+ afspra/)
      .waitFor();
    await expectAccessible(page);

    await page.goBack();
    await page
      .getByRole("main")
      .getByRole("link", { name: /^Leertuin / })
      .first()
      .click();
    await page.waitForURL(/\/regios\/[a-z0-9-]+$/);
    await page.getByRole("heading", { name: "Afspraken", level: 2 }).waitFor();
    await expectAccessible(page);

    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Beroepscodes en wetten" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Beroepscodes en wetten" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Regio's" }).click();
    await page.getByRole("heading", { level: 1, name: "Regio's" }).waitFor();
    await expectAccessible(page);
    expectNoPageErrors(page);
  });

  it("shows an earlier version of an answer with a link to the version in force", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/dilemmas`);
    // Find a dilemma with an earlier version by following the library's own links.
    const links = await page.locator(".card h2 a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    let found = false;
    for (const link of links) {
      await page.goto(link);
      const earlier = page.getByRole("link", { name: /^Versie \d+, afgesproken op/ }).first();
      if ((await earlier.count()) === 0) continue;
      await earlier.click();
      await page.waitForURL(/\/afspraken\/[a-z0-9-]+\/\d+$/);
      await page.getByText("Dit is een eerdere versie van de afspraak").waitFor();
      await expectAccessible(page);
      found = true;
      break;
    }
    expect(found, "the library has an answer with an earlier version").toBe(true);
    expectNoPageErrors(page);
  });

  it("works without JavaScript: filters, paging links and navigation are plain HTML", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/dilemmas`);
    await page.getByLabel("Oordeel").selectOption("niet-delen");
    await page.getByRole("button", { name: "Filter toepassen" }).click();
    await page.waitForURL(/oordeel=niet-delen/);
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/met deze filters/);
    const first = page.locator(".card h2 a").first();
    const title = await first.textContent();
    await first.click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
    await expect(page.locator(".verdict-badge--niet-delen").count()).resolves.toBeGreaterThan(0);
  });

  it("can be used with the keyboard: the skip link comes first and moves focus to the content", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/dilemmas`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(skip.isVisible()).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("inhoud");
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ["/", "/dilemmas", "/beroepscodes", "/regios"]) {
      await page.goto(baseUrl + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await expectAccessible(page);
  });
});

describe("search", () => {
  it("searches from the home page, narrows with a facet and opens a result — accessible on the way", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await page.getByRole("combobox", { name: "Zoek een dilemma, afspraak of artikel" }).fill("beroepsgeheim huisarts");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zoeken\?q=beroepsgeheim/);
    const status = page.getByRole("status").filter({ hasText: /resultaten? voor/ });
    await status.waitFor();
    const before = Number(/(\d+) resulta/.exec((await status.textContent())!)![1]);
    await expect(page.locator(".snippet mark").count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);

    const facet = page.getByRole("navigation", { name: "Verfijn op soort" }).getByRole("link").first();
    const facetCount = Number(/\((\d+)\)/.exec((await facet.locator("xpath=..").textContent())!)![1]);
    await facet.click();
    await page.waitForURL(/type=/);
    await page
      .getByRole("status")
      .filter({ hasText: `${facetCount === 1 ? "1 resultaat" : `${facetCount} resultaten`} voor` })
      .waitFor();
    expect(facetCount).toBeLessThanOrEqual(before);
    await expect(page.getByRole("combobox").inputValue()).resolves.toBe("beroepsgeheim huisarts");
    await expectAccessible(page);

    const first = page.locator(".search-results .card h2 a").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.waitForURL(`${baseUrl}${href}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expectNoPageErrors(page);
  });
});

describe("accounts", () => {
  it("logs in with a demo account from any page, comes back there, and logs out — accessible on the way", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/regios`);
    await page.getByRole("link", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("E-mailadres").fill("begeleider.zeeland@leertuin.test");
    await page.getByLabel("Wachtwoord").fill("verkeerd");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("alert").filter({ hasText: "kennen we niet" }).waitFor();
    await expect(page.getByLabel("E-mailadres").inputValue()).resolves.toBe("begeleider.zeeland@leertuin.test");
    await expectAccessible(page);

    await page.getByLabel("Wachtwoord").fill("leertuin-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Ingelogd als Begeleider Zeeland (demo)").waitFor();
    expect(new URL(page.url()).pathname).toBe("/regios");

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.getByRole("link", { name: "Inloggen" }).waitFor();
    expectNoPageErrors(page);
  });

  it("lets a facilitator approve the pending demo member and see it in the audit log — accessible, and working without JavaScript", async () => {
    const plain = await newPage({ javaScriptEnabled: false });
    await plain.goto(`${baseUrl}/registreren`);
    await plain.getByLabel("Naam").fill("Iemand Zonder Script");
    await plain.getByRole("button", { name: "Account aanvragen" }).click();
    await plain.getByText("Niet alles is goed ingevuld").waitFor();
    await expect(plain.getByLabel("Naam").inputValue()).resolves.toBe("Iemand Zonder Script");

    // axe runs as a script in the page, so the accessibility checks use a page with JavaScript.
    const page = await newPage();
    await page.goto(`${baseUrl}/registreren`);
    await page.getByRole("button", { name: "Account aanvragen" }).click();
    await page.getByText("Niet alles is goed ingevuld").waitFor();
    await expectAccessible(page);

    await page.goto(`${baseUrl}/inloggen?redirectTo=/beheer/leden`);
    await page.getByLabel("E-mailadres").fill("begeleider.zeeland@leertuin.test");
    await page.getByLabel("Wachtwoord").fill("leertuin-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Leden goedkeuren" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Goedkeuren (Nieuw lid (demo))" }).click();
    await page.getByText("De aanvraag is goedgekeurd.").waitFor();
    await page.getByText("Er wachten geen aanvragen.").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Logboek" }).click();
    await page.getByRole("heading", { level: 1, name: "Logboek" }).waitFor();
    await page.getByLabel("Soort").selectOption("membership");
    await page.getByRole("button", { name: "Filter toepassen" }).click();
    await page.waitForURL(/soort=membership/);
    const row = page.getByRole("row").filter({ hasText: "lidmaatschap goedgekeurd" });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain("Begeleider Zeeland (demo)");
    await expectAccessible(page);
    expectNoPageErrors(page);
  });
});
