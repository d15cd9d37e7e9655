/**
 * Sets of index rows as ascending, duplicate-free Int32Arrays: what a term matches, what a query
 * matches. Plain merges, linear in the lengths.
 */
export type RowSet = Int32Array;

export const EMPTY: RowSet = new Int32Array(0);

export function intersect(a: RowSet, b: RowSet): RowSet {
  if (a.length > b.length) return intersect(b, a);
  // A short set against a long one: look its rows up instead of walking the long one.
  if (a.length * 16 < b.length) return intersectByLookup(a, b);
  const out = new Int32Array(a.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

function intersectByLookup(short: RowSet, long: RowSet): RowSet {
  const out = new Int32Array(short.length);
  let n = 0;
  let low = 0;
  for (let i = 0; i < short.length; i++) {
    const row = short[i]!;
    let high = long.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (long[mid]! < row) low = mid + 1;
      else high = mid - 1;
    }
    if (low < long.length && long[low] === row) out[n++] = row;
  }
  return out.subarray(0, n);
}

/** Rows in every set; the smallest sets first, so the work shrinks quickly. */
export function intersectAll(sets: RowSet[]): RowSet {
  if (sets.length === 0) return EMPTY;
  const sorted = [...sets].sort((a, b) => a.length - b.length);
  let result = sorted[0]!;
  for (const set of sorted.slice(1)) {
    if (result.length === 0) break;
    result = intersect(result, set);
  }
  return result;
}

export function union(a: RowSet, b: RowSet): RowSet {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out[n++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[n++] = b[j++]!;
    else {
      out[n++] = a[i++]!;
      j++;
    }
  }
  return out.subarray(0, n);
}

/** Rows in any set: a merge for two sets, a pass over a bitmap of the rows for more. */
export function unionAll(sets: RowSet[]): RowSet {
  const nonEmpty = sets.filter((s) => s.length > 0);
  if (nonEmpty.length <= 2) return nonEmpty.length === 2 ? union(nonEmpty[0]!, nonEmpty[1]!) : (nonEmpty[0] ?? EMPTY);
  let highest = 0;
  let total = 0;
  for (const set of nonEmpty) {
    highest = Math.max(highest, set[set.length - 1]!);
    total += set.length;
  }
  const seen = new Uint8Array(highest + 1);
  for (const set of nonEmpty) for (let i = 0; i < set.length; i++) seen[set[i]!] = 1;
  const out = new Int32Array(Math.min(total, highest + 1));
  let n = 0;
  for (let row = 0; row <= highest; row++) if (seen[row] === 1) out[n++] = row;
  return out.subarray(0, n);
}
