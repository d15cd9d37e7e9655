import { type Sector, SECTORS } from "~/domain/vocabulary";

const SECTOR_CODE = new Map<string, number>(SECTORS.map((sector, i) => [sector, i]));

function grown<T extends Uint8Array | Uint16Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Which way each row's information goes, by row id: the holding sector (its code plus one, 0 for
 * none) and the asking sectors as a bit mask. Ranking reads these for every match, so they are arrays.
 */
export class DirectionColumns {
  private holders = new Uint8Array(1024);
  private asking = new Uint16Array(1024);

  set(row: number, holder: Sector | undefined, asking: Sector[] | undefined) {
    this.holders = grown(this.holders, row + 1);
    this.asking = grown(this.asking, row + 1);
    this.holders[row] = holder === undefined ? 0 : SECTOR_CODE.get(holder)! + 1;
    this.asking[row] = sectorMask(asking ?? []);
  }

  delete(row: number) {
    if (row < this.holders.length) {
      this.holders[row] = 0;
      this.asking[row] = 0;
    }
  }

  /** The columns themselves (holder code plus one, asking mask), for ranking loops that read every match. */
  columns(): { holders: Uint8Array; asking: Uint16Array } {
    return { holders: this.holders, asking: this.asking };
  }
}

export function sectorMask(sectors: Iterable<Sector>): number {
  let mask = 0;
  for (const sector of sectors) mask |= 1 << SECTOR_CODE.get(sector)!;
  return mask;
}
