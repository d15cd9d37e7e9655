import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";

import { RegionScope } from "~/auth/region-scope";

const rows = sqliteTable("rows", { id: integer("id").primaryKey(), regionId: integer("region_id") });

/** The ids a query with the scope's condition returns, on a real SQLite table. */
function selectIn(scope: RegionScope): number[] {
  const sqlite = new Database(":memory:");
  sqlite.exec("create table rows (id integer primary key, region_id integer)");
  sqlite.exec("insert into rows values (1, 10), (2, 20), (3, 30), (4, null)");
  const db = drizzle(sqlite);
  const ids = db.select({ id: rows.id }).from(rows).where(scope.where(rows.regionId)).all();
  sqlite.close();
  return ids.map((r) => r.id);
}

describe("RegionScope", () => {
  it("of some regions includes exactly those, never a record without a region", () => {
    const scope = RegionScope.of([10, 30]);
    expect([10, 20, 30].map((id) => scope.includes(id))).toEqual([true, false, true]);
    expect(scope.includes(null)).toBe(false);
    expect(scope.includes(undefined)).toBe(false);
    expect(scope.isAll).toBe(false);
    expect(scope.isEmpty).toBe(false);
  });

  it("of every region (an admin) includes any region and records without one", () => {
    const scope = RegionScope.all();
    expect(scope.includes(123_456)).toBe(true);
    expect(scope.includes(null)).toBe(true);
    expect(scope.isAll).toBe(true);
    expect(scope.isEmpty).toBe(false);
  });

  it("of no region includes nothing and says so", () => {
    const scope = RegionScope.none();
    expect(scope.includes(10)).toBe(false);
    expect(scope.isEmpty).toBe(true);
    expect(RegionScope.of([]).isEmpty).toBe(true);
  });

  it("filters lists by the region each item names", () => {
    const regions = [
      { id: 10, name: "Zeeland" },
      { id: 20, name: "Twente" },
    ];
    expect(RegionScope.of([20]).filter(regions, (r) => r.id)).toEqual([{ id: 20, name: "Twente" }]);
    expect(RegionScope.all().filter(regions, (r) => r.id)).toEqual(regions);
    expect(RegionScope.none().filter(regions, (r) => r.id)).toEqual([]);
  });

  it("gives a query condition that selects what includes accepts", () => {
    for (const scope of [RegionScope.of([10, 30]), RegionScope.all(), RegionScope.none(), RegionScope.of([99])]) {
      const expected = [
        [1, 10],
        [2, 20],
        [3, 30],
        [4, null],
      ]
        .filter(([, region]) => scope.includes(region))
        .map(([id]) => id);
      expect(selectIn(scope)).toEqual(expected);
    }
  });

  it("has one key per set of regions, whatever the order, and another for every region", () => {
    expect(RegionScope.of([30, 10]).key).toBe(RegionScope.of([10, 30]).key);
    expect(RegionScope.of([10]).key).not.toBe(RegionScope.of([10, 30]).key);
    expect(RegionScope.all().key).not.toBe(RegionScope.none().key);
    expect(RegionScope.of([1, 2]).key).not.toBe(RegionScope.of([12]).key);
  });
});
