import type { StoredDoc } from "./documents.server";

export type FacetName = "type" | "region" | "theme" | "sector" | "verdict";
export type Facets = Record<FacetName, Record<string, number>>;
export type FacetFilters = Partial<Record<FacetName, string>>;

/** What a row contributes to the facets. */
export type FacetValues = Pick<StoredDoc, "type" | "region" | "verdict" | "themes" | "sectors">;

const SINGLE = ["type", "region", "verdict"] as const;
const MULTIPLE = ["theme", "sector"] as const;
type Single = (typeof SINGLE)[number];
type Multiple = (typeof MULTIPLE)[number];

/** Each value of a facet as a small number, and back. */
class Dictionary {
  private codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * The facet values of every row in typed arrays, by row id: counting the facets of tens of thousands of
 * matches, or filtering them, reads a few numbers per match. Rows are only appended (a changed document
 * gets a new row); a deleted row is marked, not removed.
 */
export class FacetColumns {
  private dictionaries = new Map<string, Dictionary>([...SINGLE, ...MULTIPLE].map((f) => [f, new Dictionary()]));
  /** Per single-valued facet: the value's code plus one, 0 for none (and for rows not indexed). */
  private single = new Map<Single, Int32Array>(SINGLE.map((f) => [f, new Int32Array(1024)]));
  /** Per multi-valued facet: where a row's codes start in `values`, and how many there are. */
  private starts = new Map<Multiple, Int32Array>(MULTIPLE.map((f) => [f, new Int32Array(1024)]));
  private lengths = new Map<Multiple, Uint8Array>(MULTIPLE.map((f) => [f, new Uint8Array(1024)]));
  private values = new Map<Multiple, { codes: Uint16Array; used: number }>(
    MULTIPLE.map((f) => [f, { codes: new Uint16Array(4096), used: 0 }]),
  );
  private indexed = new Uint8Array(1024);

  set(row: number, doc: FacetValues) {
    const size = row + 1;
    this.indexed = grown(this.indexed, size);
    this.indexed[row] = 1;
    const single: Record<Single, string | undefined> = { type: doc.type, region: doc.region, verdict: doc.verdict };
    for (const facet of SINGLE) {
      const column = grown(this.single.get(facet)!, size);
      this.single.set(facet, column);
      const value = single[facet];
      column[row] = value === undefined ? 0 : this.dictionaries.get(facet)!.code(value) + 1;
    }
    const multiple: Record<Multiple, string[]> = { theme: [...new Set(doc.themes)], sector: [...new Set(doc.sectors)] };
    for (const facet of MULTIPLE) {
      const list = multiple[facet].slice(0, 255);
      const values = this.values.get(facet)!;
      values.codes = grown(values.codes, values.used + list.length);
      const starts = grown(this.starts.get(facet)!, size);
      const lengths = grown(this.lengths.get(facet)!, size);
      this.starts.set(facet, starts);
      this.lengths.set(facet, lengths);
      starts[row] = values.used;
      lengths[row] = list.length;
      for (const value of list) values.codes[values.used++] = this.dictionaries.get(facet)!.code(value);
    }
  }

  delete(row: number) {
    if (row < this.indexed.length) this.indexed[row] = 0;
  }

  isIndexed(row: number): boolean {
    return this.indexed[row] === 1;
  }

  /** The rows that pass every filter; a value never seen matches nothing. */
  filter(rows: Int32Array, filters: FacetFilters): Int32Array {
    const tests: ((row: number) => boolean)[] = [];
    for (const facet of SINGLE) {
      const value = filters[facet];
      if (value === undefined) continue;
      const wanted = this.dictionaries.get(facet)!.find(value) + 1;
      const column = this.single.get(facet)!;
      tests.push((row) => wanted > 0 && column[row] === wanted);
    }
    for (const facet of MULTIPLE) {
      const value = filters[facet];
      if (value === undefined) continue;
      const wanted = this.dictionaries.get(facet)!.find(value);
      const starts = this.starts.get(facet)!;
      const lengths = this.lengths.get(facet)!;
      const codes = this.values.get(facet)!.codes;
      tests.push((row) => {
        for (let k = starts[row]!, end = k + lengths[row]!; k < end; k++) if (codes[k] === wanted) return true;
        return false;
      });
    }
    if (tests.length === 0) return rows;
    return rows.filter((row) => this.indexed[row] === 1 && tests.every((test) => test(row)));
  }

  /** How many of the rows carry each facet value. */
  count(rows: Int32Array): Facets {
    const [type, region, verdict] = SINGLE.map((facet) => this.single.get(facet)!);
    const singleCounts = SINGLE.map((facet) => new Int32Array(this.dictionaries.get(facet)!.values.length + 1));
    const [typeCounts, regionCounts, verdictCounts] = singleCounts;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      typeCounts![type![row]!]!++;
      regionCounts![region![row]!]!++;
      verdictCounts![verdict![row]!]!++;
    }
    const facets = {} as Facets;
    SINGLE.forEach((facet, f) => {
      facets[facet] = this.named(facet, singleCounts[f]!.subarray(1));
    });
    for (const facet of MULTIPLE) {
      const starts = this.starts.get(facet)!;
      const lengths = this.lengths.get(facet)!;
      const codes = this.values.get(facet)!.codes;
      const counts = new Int32Array(this.dictionaries.get(facet)!.values.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        for (let k = starts[row]!, end = k + lengths[row]!; k < end; k++) counts[codes[k]!]!++;
      }
      facets[facet] = this.named(facet, counts);
    }
    return facets;
  }

  private named(facet: string, counts: Int32Array): Record<string, number> {
    const values = this.dictionaries.get(facet)!.values;
    const named: Record<string, number> = {};
    counts.forEach((n, code) => {
      if (n > 0) named[values[code]!] = n;
    });
    return named;
  }

  /** The region column and the region's code in it (0: a region no row has), for loops over every match. */
  regionColumn(region: string): { column: Int32Array; wanted: number } {
    return { column: this.single.get("region")!, wanted: this.dictionaries.get("region")!.find(region) + 1 };
  }
}
