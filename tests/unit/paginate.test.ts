import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { paginate } from "~/utils/paginate";

describe("paginate", () => {
  it("skips the earlier pages and takes one page", () => {
    expect(paginate(1, 25)).toMatchObject({ page: 1, offset: 0, limit: 25, firstShown: 1 });
    expect(paginate(3, 25)).toMatchObject({ page: 3, offset: 50, limit: 25, firstShown: 51 });
  });

  it("counts pages, an empty list having one", () => {
    const page = paginate(1, 10);
    expect([0, 1, 10, 11, 20, 21].map(page.pageCount)).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it("knows when a page lies past the end", () => {
    expect(paginate(1, 10).isPastEnd(0)).toBe(false);
    expect(paginate(2, 10).isPastEnd(10)).toBe(true);
    expect(paginate(2, 10).isPastEnd(11)).toBe(false);
  });

  it("slices a list in memory", () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(paginate(3, 10).slice(items)).toEqual([20, 21, 22]);
    expect(paginate(4, 10).slice(items)).toEqual([]);
  });

  it("shows every item exactly once over the pages that exist", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 60 }), (total, size) => {
        const items = Array.from({ length: total }, (_, i) => i);
        const count = paginate(1, size).pageCount(total);
        const seen = Array.from({ length: count }, (_, i) => paginate(i + 1, size).slice(items)).flat();
        expect(seen).toEqual(items);
        expect(paginate(count, size).isPastEnd(total)).toBe(false);
        expect(paginate(count + 1, size).isPastEnd(total)).toBe(true);
      }),
    );
  });
});
