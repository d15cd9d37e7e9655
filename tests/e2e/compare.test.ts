import { describe, expect, it } from "vitest";

import { expectAccessible, expectNoPageErrors, useBrowser } from "../support/browser";

const { baseUrl, newPage } = useBrowser();

describe("comparing regions", () => {
  it("compares two regions in the matrix, opens their answers side by side and prints the spelregels — accessible on every page", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vergelijken" }).click();
    await page.getByRole("heading", { level: 1, name: "Regio's vergelijken" }).waitFor();
    await expect(page.getByRole("img", { name: /Overnames tussen regio's/ }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole("checkbox", { name: "Twente" }).check();
    await page.getByRole("checkbox", { name: "Zeeland" }).check();
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await page.waitForURL(/\/vergelijk\?regio=twente&regio=zeeland/);
    await page.getByRole("status").filter({ hasText: "en 2 regio's" }).waitFor();
    const heatmap = page.getByRole("table", { name: /Overeenstemming tussen regio's/ });
    await expect(heatmap.getByRole("row").count()).resolves.toBe(3);
    await expect(
      heatmap
        .getByRole("cell")
        .filter({ hasText: /^\d+%\d+ van \d+$/ })
        .count(),
    ).resolves.toBe(2);
    await expect(page.getByRole("checkbox", { name: "Twente" }).isChecked()).resolves.toBe(true);
    await expectAccessible(page);

    // The dilemma's title is in the link for screen readers only.
    const pairLink = page.getByRole("link", { name: /^Twente en Zeeland naast elkaar ?: / }).first();
    const title = (await pairLink.textContent())!.replace("Twente en Zeeland naast elkaar: ", "");
    await pairLink.click();
    await page.getByRole("heading", { level: 1, name: "Twente en Zeeland naast elkaar" }).waitFor();
    await expect(page.getByRole("link", { name: title, exact: true }).count()).resolves.toBe(1);
    await expect(
      page.getByRole("table", { name: "Oordeel, route en versie" }).getByRole("rowheader").allTextContents(),
    ).resolves.toEqual(["Oordeel", "Route", "Versie", "Overgenomen van"]);
    await expect(page.locator("mark.diff-text__only").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: /^Overnemen voor/ }).count()).resolves.toBe(0);
    await expectAccessible(page);
    expectNoPageErrors(page);

    await page.goto(`${baseUrl}/regios/zeeland`);
    await page.getByRole("link", { name: "Alle afspraken als één document (spelregels)" }).click();
    await page.getByRole("heading", { level: 1, name: "Spelregels Leertuin Zeeland" }).waitFor();
    const contents = page.getByRole("navigation", { name: "Inhoud" });
    const firstEntry = contents.getByRole("listitem").getByRole("listitem").first().getByRole("link");
    const entryTitle = await firstEntry.textContent();
    await firstEntry.click();
    await expect(page.evaluate(() => decodeURIComponent(location.hash))).resolves.toMatch(/^#[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 3, name: entryTitle! }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).resolves.toBe(false);
    await expect(page.getByText("Deze pagina is opgemaakt om af te drukken").isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    const pages = raw.match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    // Every page is A4 in points (210 × 297 mm).
    const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    expectNoPageErrors(page);
  });

  it("chooses two regions from a dilemma's page — the choice accessible, a wrong choice explained", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/vergelijk`);
    const href = await page.locator("a.compare-matrix__pair-link").first().getAttribute("href");
    await page.goto(baseUrl + href!.split("/vergelijk")[0]);
    await page.getByRole("link", { name: "Vergelijk twee afspraken naast elkaar" }).click();
    await page.getByRole("heading", { level: 1, name: "Afspraken vergelijken" }).waitFor();
    await expectAccessible(page);
    const first = page.getByLabel("Eerste regio");
    const [a, b] = (
      await first.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    ).slice(1);
    await first.selectOption(a!);
    await page.getByLabel("Tweede regio").selectOption(a!);
    await page.getByRole("button", { name: "Naast elkaar zetten" }).click();
    await page.getByRole("alert").filter({ hasText: "Kies twee verschillende regio's." }).waitFor();
    await expect(first.inputValue()).resolves.toBe(a);
    await expectAccessible(page);
    await page.getByLabel("Tweede regio").selectOption(b!);
    await page.getByRole("button", { name: "Naast elkaar zetten" }).click();
    await page.getByRole("heading", { level: 1, name: / naast elkaar$/ }).waitFor();
    expectNoPageErrors(page);
  });

  it("narrows a region's answers to those due for review and its spelregels to one theme, without JavaScript — accessible", async () => {
    const plain = await newPage({ javaScriptEnabled: false });
    await plain.goto(`${baseUrl}/regios/zeeland`);
    const due = await plain.getByText(/^\d+ afspraken zijn toe aan herziening$/).textContent();
    await plain.getByRole("link", { name: "Toon alleen deze afspraken" }).click();
    await plain.waitForURL(/\/regios\/zeeland\?herziening=1#afspraken-titel$/);
    const table = plain.getByRole("table", { name: "Afspraken van Zeeland die toe zijn aan herziening" });
    await expect(table.getByRole("rowheader").count()).resolves.toBe(Number.parseInt(due!, 10));
    await expect(table.getByText("— toe aan herziening").count()).resolves.toBe(Number.parseInt(due!, 10));
    // axe runs in the page, so it looks at the same address with JavaScript.
    const page = await newPage();
    await page.goto(plain.url());
    await expectAccessible(page);
    await plain.getByRole("link", { name: "Toon alle afspraken" }).click();
    await plain.waitForURL(/\/regios\/zeeland#afspraken-titel$/);

    await plain.getByRole("link", { name: "Alle afspraken als één document (spelregels)" }).click();
    const contents = plain.getByRole("navigation", { name: "Inhoud" });
    const theme = contents.getByRole("listitem").first();
    const label = await theme.getByRole("link").first().textContent();
    const count = Number.parseInt((await theme.locator(".rulebook__count").textContent())!.slice(1), 10);
    const slug = (await theme.getByRole("link").first().getAttribute("href"))!.replace("#thema-", "");
    await plain.goto(`${baseUrl}/regios/zeeland/spelregels?thema=${slug}`);
    await plain.getByRole("heading", { level: 1, name: `Spelregels Leertuin Zeeland: ${label}` }).waitFor();
    await expect(
      plain.getByRole("heading", { level: 2 }).filter({ hasNotText: "Inhoud" }).allTextContents(),
    ).resolves.toEqual([label]);
    await expect(plain.getByRole("article").count()).resolves.toBe(count);
    await page.goto(plain.url());
    await expectAccessible(page);
    await plain.getByRole("link", { name: "Alle thema's" }).click();
    await plain.getByRole("heading", { level: 1, name: "Spelregels Leertuin Zeeland" }).waitFor();
    expectNoPageErrors(page);
  });

  it("filters the matrix without JavaScript, and fits a phone screen", async () => {
    const plain = await newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await plain.goto(`${baseUrl}/vergelijk`);
    await plain.getByLabel("Groningen").check();
    await plain.getByLabel("Twente").check();
    await plain.getByRole("button", { name: "Vergelijken" }).click();
    await plain.waitForURL(/regio=groningen&regio=twente/);
    await expect(
      plain
        .getByRole("columnheader")
        .filter({ hasText: /^(Groningen|Twente)$/ })
        .count(),
    ).resolves.toBe(4);
    const overflow = await plain.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}/vergelijk`);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
