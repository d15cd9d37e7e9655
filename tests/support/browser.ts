import axe from "axe-core";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

/** Debian's Chromium, headless, without the background traffic this machine's closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A form answered with 400 (kept input, Dutch errors) is intended; the browser still logs the status.
    const intendedStatus = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === "error" && !intendedStatus) problems.push(`console error: ${message.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

/** Logs a demo account in on this page, as a person does it, and waits for the header to say so. */
export async function logInOn(page: Page, baseUrl: string, email: string, password = "leertuin-demo") {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByText("Ingelogd als").waitFor();
  return page;
}

/** Script errors and CSP violations show up as console errors; a page must have none. */
export function expectNoPageErrors(page: Page) {
  expect((page as Page & { problems?: string[] }).problems ?? []).toEqual([]);
}

const AXE_VERSION = (axe as unknown as { version: string }).version;
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeRun {
  version: string;
  passes: number;
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * axe in the real browser: no serious or critical WCAG 2.1 AA violations. axe-core is put into the page
 * by evaluate (the CSP refuses a script tag), and the check fails when axe did not run: wrong or no
 * version, or nothing checked at all. The experimental label-content-name-mismatch rule runs too.
 */
async function expectAccessibleNow(page: Page) {
  await page.evaluate(axe.source);
  const run: AxeRun = await page.evaluate(async (tags) => {
    const axeInPage = (window as unknown as { axe?: typeof axe }).axe;
    if (!axeInPage) return { version: "", passes: 0, violations: [] };
    const results = await axeInPage.run(document, {
      runOnly: { type: "tag", values: tags },
      rules: { "label-content-name-mismatch": { enabled: true } },
      resultTypes: ["violations"],
    });
    return {
      version: axeInPage.version,
      passes: results.passes.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target as unknown[] })),
      })),
    };
  }, WCAG_AA);
  expect(run.version, `axe ran on ${page.url()}`).toBe(AXE_VERSION);
  expect(run.passes, `axe checked something on ${page.url()}`).toBeGreaterThan(0);
  const severe = run.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(severe, `axe on ${page.url()}`).toEqual([]);
}

/** axe on the page as it is, at a desktop (1280×800) and a phone (390×844) size; the viewport is restored after. */
export async function expectAccessible(page: Page) {
  const before = page.viewportSize();
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await expectAccessibleNow(page);
  }
  if (before) await page.setViewportSize(before);
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * The test file's browser on the e2e server: launched before its tests, closed after them. `newPage`
 * opens a page in a context of its own; `logIn` opens one with a demo account logged in.
 */
export function useBrowser() {
  const baseUrl = inject("baseUrl");
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  const open = (options: BrowserContextOptions = {}) => {
    if (!browser) throw new Error("the browser is launched in beforeAll");
    return newPage(browser, options);
  };
  return {
    baseUrl,
    newPage: open,
    logIn: async (email: string, options: BrowserContextOptions = {}) => logInOn(await open(options), baseUrl, email),
  };
}
