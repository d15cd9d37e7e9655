// Surnames common in the Netherlands and Flanders, lower case with their prefix ("van der meer", "jansen"):
// faker's lists (data/surnames.json, built by scripts/build-anonymity-data.ts). With one of these after it,
// a capitalised word the first-name lists do not know is still taken for a first name: "Ria van Dam".
import GENERATED from "./data/surnames.json";

const SURNAMES: ReadonlySet<string> = new Set(GENERATED);

/** True for a surname in the list; `prefix` is the tussenvoegsel as written ("Van der ", "'t "), or empty. */
export function isKnownSurname(prefix: string | undefined, surname: string): boolean {
  const full = `${prefix ?? ""}${surname}`.replace(/\s+/g, " ").trim().toLowerCase();
  return SURNAMES.has(full);
}
