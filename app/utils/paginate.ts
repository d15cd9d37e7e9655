/**
 * One page of a list, numbered from 1: what a query skips and takes, and, once the list's length is
 * known, how many pages there are and whether the page asked for is past the end (a 404).
 */
export function paginate(page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  const pageCount = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  return {
    page,
    pageSize,
    offset,
    limit: pageSize,
    /** The position (from 1) of the page's first item, for an ordered list's `start`. */
    firstShown: offset + 1,
    /** Pages of a list of `total` items; an empty list still has its first page. */
    pageCount,
    /** Whether this page lies past the end of a list of `total` items. */
    isPastEnd: (total: number) => page > pageCount(total),
    /** This page's items of a list held in memory. */
    slice: <T>(items: readonly T[]): T[] => items.slice(offset, offset + pageSize),
  };
}

export type Page = ReturnType<typeof paginate>;
