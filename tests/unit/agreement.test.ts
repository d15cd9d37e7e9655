import { describe, expect, it } from "vitest";

import { findPair, formatShare, leastAgreeing, regionAgreement, shareBucket } from "~/compare/agreement";
import { groupByPair, layoutLineage } from "~/compare/lineage-graph";

const rows = [
  { zeeland: "delen", twente: "delen", groningen: "niet-delen" },
  { zeeland: "delen-onder-voorwaarden", twente: "niet-delen", groningen: "niet-delen" },
  { zeeland: "niet-delen", twente: "niet-delen" },
  { twente: "delen", groningen: null },
  { zeeland: "delen", groningen: "delen" },
];

describe("regionAgreement", () => {
  it("counts, for each pair once, the dilemmas both answered and those with the same verdict", () => {
    const pairs = regionAgreement(["zeeland", "twente", "groningen"], rows);
    expect(pairs).toEqual([
      { a: "zeeland", b: "twente", both: 3, same: 2, share: 2 / 3 },
      { a: "zeeland", b: "groningen", both: 3, same: 1, share: 1 / 3 },
      { a: "twente", b: "groningen", both: 2, same: 1, share: 1 / 2 },
    ]);
  });

  it("has no share for regions without a dilemma in common, and nothing for a single region", () => {
    const pairs = regionAgreement(["zeeland", "limburg"], rows);
    expect(pairs).toEqual([{ a: "zeeland", b: "limburg", both: 0, same: 0, share: null }]);
    expect(regionAgreement(["zeeland"], rows)).toEqual([]);
    expect(regionAgreement(["zeeland", "twente"], [])).toEqual([
      { a: "zeeland", b: "twente", both: 0, same: 0, share: null },
    ]);
  });

  it("finds a pair in either order and names the least agreeing pairs first, the better founded first on a tie", () => {
    const pairs = regionAgreement(["zeeland", "twente", "groningen"], rows);
    expect(findPair(pairs, "groningen", "zeeland")).toBe(pairs[1]);
    expect(leastAgreeing(pairs).map((p) => [p.a, p.b])).toEqual([
      ["zeeland", "groningen"],
      ["twente", "groningen"],
      ["zeeland", "twente"],
    ]);
    const tie = [
      { a: "x", b: "y", both: 1, same: 0, share: 0 },
      { a: "x", b: "z", both: 4, same: 0, share: 0 },
      { a: "y", b: "z", both: 0, same: 0, share: null },
    ];
    expect(leastAgreeing(tie, 5).map((p) => p.b)).toEqual(["z", "y"]);
  });

  it("formats shares as whole percentages and shades them in five steps", () => {
    expect([0, 1 / 3, 0.5, 2 / 3, 1].map(formatShare)).toEqual(["0%", "33%", "50%", "67%", "100%"]);
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map(shareBucket)).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });
});

describe("the lineage graph", () => {
  const regions = [
    { slug: "a", name: "A" },
    { slug: "b", name: "B" },
    { slug: "c", name: "C" },
  ];

  it("draws one edge per source and adopter with the number of adoptions, both directions apart", () => {
    const { nodes, edges } = layoutLineage(regions, [
      { from: "a", to: "b" },
      { from: "a", to: "b" },
      { from: "b", to: "a" },
      { from: "c", to: "c" },
      { from: "a", to: "onbekend" },
    ]);
    expect(nodes.map((n) => n.slug)).toEqual(["a", "b", "c"]);
    expect(edges.map(({ from, to, count }) => ({ from, to, count }))).toEqual([
      { from: "a", to: "b", count: 2 },
      { from: "b", to: "a", count: 1 },
    ]);
    // A→B and B→A bend to opposite sides, so their labels do not sit on top of each other.
    expect(Math.hypot(edges[0]!.labelX - edges[1]!.labelX, edges[0]!.labelY - edges[1]!.labelY)).toBeGreaterThan(20);
    for (const edge of edges) expect(edge.path).toMatch(/^M [\d.-]+ [\d.-]+ Q [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+$/);
  });

  it("groups the adoptions per pair for the table beside the graph", () => {
    const adoption = (from: string, to: string, dilemma: string) => ({
      from: { regionSlug: from },
      to: { regionSlug: to },
      dilemma,
    });
    const groups = groupByPair([adoption("a", "b", "x"), adoption("b", "a", "y"), adoption("a", "b", "z")]);
    expect(groups.map((g) => [g.from.regionSlug, g.to.regionSlug, g.items.map((i) => i.dilemma)])).toEqual([
      ["a", "b", ["x", "z"]],
      ["b", "a", ["y"]],
    ]);
  });
});
