import { inArray, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The regions a person may act for: every region (an admin) or a set of them (a facilitator's or a
 * member's own). Each check "may this person act in that region" goes through `includes`.
 */
export class RegionScope {
  private constructor(private readonly ids: ReadonlySet<number> | null) {}

  /** Every region, including records without one (an admin). */
  static all(): RegionScope {
    return new RegionScope(null);
  }

  static of(regionIds: Iterable<number>): RegionScope {
    return new RegionScope(new Set(regionIds));
  }

  static none(): RegionScope {
    return RegionScope.of([]);
  }

  get isAll(): boolean {
    return this.ids === null;
  }

  /** No region at all: the person may act nowhere. */
  get isEmpty(): boolean {
    return this.ids !== null && this.ids.size === 0;
  }

  /** Whether the region is in scope; a record without a region is only in the scope of every region. */
  includes(regionId: number | null | undefined): boolean {
    if (this.ids === null) return true;
    return regionId !== null && regionId !== undefined && this.ids.has(regionId);
  }

  /** A stable text for the scope ("all", or the region ids in order), e.g. as part of a cache key. */
  get key(): string {
    return this.ids === null ? "all" : [...this.ids].sort((a, b) => a - b).join(",");
  }

  /** The items whose region is in scope. */
  filter<T>(items: readonly T[], regionIdOf: (item: T) => number | null): T[] {
    return items.filter((item) => this.includes(regionIdOf(item)));
  }

  /** A query condition with the same meaning as `includes` for a region column; none for every region. */
  where(column: SQLiteColumn): SQL | undefined {
    return this.ids === null ? undefined : inArray(column, [...this.ids]);
  }
}
