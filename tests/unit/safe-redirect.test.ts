import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { safeRedirect } from "~/utils/safe-redirect";

/** Where a browser goes for a Location header: WHATWG URL parsing strips tabs and line breaks, reads "\" as "/". */
const browserTarget = (location: string) => new URL(location, "https://leertuin.nl/inloggen").origin;

describe("safeRedirect", () => {
  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/%09/evil.example",
    "/%5c/evil.example",
    "/%2F/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/日本",
    "/caf\u00e9",
    "/a b",
    "",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it.each(["/", "/zoeken?q=school%20wijkteam", "/dilemmas/een-dilemma#reacties", "/regios/zeeland/agenda"])(
    "keeps %j",
    (to) => {
      expect(safeRedirect(to)).toBe(to);
    },
  );

  it("never returns something a browser takes to another origin, or a header Node refuses", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("/", "\\", "\t", "\n", "\r", "%", "0", "9", "a", "e", ".", ":", "@", "é", " "),
        }),
        (tail) => {
          const result = safeRedirect(`/${tail}`);
          expect(browserTarget(result)).toBe("https://leertuin.nl");
          expect(result).toMatch(/^\/[\x21-\x7e]*$/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
