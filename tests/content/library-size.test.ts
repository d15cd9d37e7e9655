// Issue 15, "Done when": the size of the library once the new dilemmas, answers and codes (item 5, written on
// the content-new branch) are merged. These fail on a branch without them, by design: they pass after the merge.
import { beforeAll, expect, it } from "vitest";

import { type Library, readContent } from "~/content/read-content.server";

let library: Library;
beforeAll(() => {
  library = readContent("content");
});

it("holds at least 70 dilemmas, 110 answers and 25 codes", () => {
  expect(library.dilemmas.length).toBeGreaterThanOrEqual(70);
  expect(library.answers.length).toBeGreaterThanOrEqual(110);
  expect(library.codes.length).toBeGreaterThanOrEqual(25);
});
