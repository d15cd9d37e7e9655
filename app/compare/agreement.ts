/** How far two regions agree: over the dilemmas both answered, the share with the same verdict. */
export interface PairAgreement {
  a: string;
  b: string;
  /** Dilemmas that both regions answered. */
  both: number;
  /** Of those, the dilemmas with the same verdict. */
  same: number;
  /** same / both, or null when they answered nothing in common. */
  share: number | null;
}

/**
 * The agreement of every pair of regions (each pair once, in the order of `regions`), from rows that
 * map a region to its verdict on one dilemma; a missing or null entry means the region has no answer.
 */
export function regionAgreement(regions: string[], rows: Record<string, string | null | undefined>[]): PairAgreement[] {
  const pairs: PairAgreement[] = [];
  regions.forEach((a, i) => {
    for (const b of regions.slice(i + 1)) {
      let both = 0;
      let same = 0;
      for (const row of rows) {
        const [va, vb] = [row[a], row[b]];
        if (!va || !vb) continue;
        both += 1;
        if (va === vb) same += 1;
      }
      pairs.push({ a, b, both, same, share: both === 0 ? null : same / both });
    }
  });
  return pairs;
}

/** The pairs that agree least: lowest share first, then the most dilemmas in common. */
export function leastAgreeing(pairs: PairAgreement[], limit = 3): PairAgreement[] {
  return pairs
    .filter((p) => p.share !== null)
    .sort((x, y) => x.share! - y.share! || y.both - x.both)
    .slice(0, limit);
}

/** The agreement between a and b, whichever order they are asked in. */
export function findPair(pairs: PairAgreement[], a: string, b: string): PairAgreement | undefined {
  return pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

/** A share as a whole Dutch percentage: 0.666… → "67%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** One of five shades for a heatmap cell; the number in the cell carries the meaning. */
export function shareBucket(share: number): 0 | 1 | 2 | 3 | 4 {
  return Math.min(4, Math.floor(share * 5)) as 0 | 1 | 2 | 3 | 4;
}
