/** Editions of a code, oldest first by the date they took effect (YYYY-MM-DD). */
export interface DatedEdition {
  effectiveFrom: string;
}

/** The edition in force on a date: the newest that took effect on or before it, or null when none had yet. */
export function editionInForce<E extends DatedEdition>(editions: readonly E[], date: string): E | null {
  let found: E | null = null;
  for (const edition of editions) {
    if (edition.effectiveFrom <= date && (!found || edition.effectiveFrom >= found.effectiveFrom)) found = edition;
  }
  return found;
}

/** The editions that took effect after a date: what a reader of an answer agreed then has not seen. */
export function newerEditions<E extends DatedEdition>(editions: readonly E[], date: string): E[] {
  return editions.filter((e) => e.effectiveFrom > date).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** The effective date that stands for "no known start": shown without a date. */
export const ALWAYS = "0001-01-01";
