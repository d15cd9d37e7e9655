// Where a person lives: a postcode with a house number, a street with a house number.
import type { Span } from "./finding";
import { CAPITALISED, LETTERS, matches, UPPER, WORD_END, WORD_START } from "./text";
import { isNotAName } from "./words";

// A house number: "12", "3a", "3 A", "19-A", "14-2", "14/2".
const HOUSE_NUMBER = String.raw`\d{1,4}(?:[ -]?[A-Za-z](?![${LETTERS}]))?(?: ?[\-/] ?\d{1,4}[A-Za-z]?)?(?!\d|[.,:]\d)`;

// Dutch postcodes: 1000–9999 and two capitals, never SA, SD or SS.
const POSTCODE = new RegExp(String.raw`(?<![${LETTERS}\d:.,\-€])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}${WORD_END}`, "g");
const NUMBER_AFTER = new RegExp(String.raw`^,? ?(?:(?:huisnummer|huisnr\.?|nummer|nr\.?) ?)?${HOUSE_NUMBER}`, "i");
const NUMBER_BEFORE = new RegExp(String.raw`${WORD_START}${HOUSE_NUMBER},? *(?:postcode:? *)?$`);
const POSTCODE_WORD = /postcode:? *$/i;
const ANY_HOUSE_NUMBER = new RegExp(String.raw`(?:huisnummer|nummer|nr\.?) ?\d{1,4}|${WORD_START}${HOUSE_NUMBER}`, "i");

function isYear(number: string): boolean {
  return /^(?:19|20)\d{2}$/.test(number);
}

export function findPostcodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(POSTCODE, text)) {
    const start = match.index;
    const end = start + match[0].length;
    const after = NUMBER_AFTER.exec(text.slice(end, end + 24));
    if (after) {
      spans.push({ kind: "postcode", start, end: end + after[0].length });
      continue;
    }
    const before = text.slice(Math.max(0, start - 30), start);
    const nearby = text.slice(Math.max(0, start - 40), start) + " " + text.slice(end, end + 40);
    if (NUMBER_BEFORE.test(before) || (POSTCODE_WORD.test(before) && ANY_HOUSE_NUMBER.test(nearby))) {
      spans.push({ kind: "postcode", start, end });
    }
  }
  return spans;
}

const STREET_SUFFIXES = [
  "straat",
  "weg",
  "laan",
  "plein",
  "singel",
  "gracht",
  "kade",
  "dijk",
  "hof",
  "pad",
  "steeg",
  "dreef",
  "markt",
  "allee",
  "boulevard",
  "plantsoen",
  "wal",
  "erf",
  "park",
  "baan",
  "haven",
  "hoven",
  "kwartier",
  "veste",
  "akker",
  "kamp",
  "brink",
  "vliet",
  "donk",
  "horst",
  "hoek",
];
// Words with a street's ending that are not streets: courts, care pathways, careers.
const NOT_STREETS = new Set([
  "gerechtshof",
  "binnenhof",
  "zorgpad",
  "leerpad",
  "behandelpad",
  "loopbaan",
  "uitweg",
  "omweg",
]);
const LONE_STREET_WORDS = /^(?:Straat|Weg|Laan|Plein|Singel|Gracht|Kade|Dijk|Hof|Markt|Dreef|Steeg|Haven|Wal)$/;
const ADJECTIVES = /^(?:Grote|Kleine|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Brede|Smalle|Achter|Voor|Binnen|Buiten)$/;
const STARTS_UPPER = new RegExp(`^[${UPPER}]`);
const CAPITALISED_ONLY = new RegExp(`^${CAPITALISED}$`);
const PREFIX_WORDS = /^(?:van|de|der|den|het|'t|ter|ten|op|St\.|Sint|Van|De|Der|Den|Het|Ter|Ten)$/;

// A capitalised word followed by a house number: "Dorpsstraat 12", "Kerkweg 3a", "Goghlaan 14-2".
const WORD_AND_NUMBER = new RegExp(
  String.raw`${WORD_START}(${CAPITALISED})\s+(?:(?:nr\.?|nummer)\s*)?(${HOUSE_NUMBER})(?!\s*(?:jaar|euro|procent|%|keer|uur|km|kilometer|meter|minuten|dagen|weken|maanden)\b)`,
  "g",
);

/** The words before `end`, nearest first, with their offsets. */
function wordsBefore(text: string, end: number, count: number): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  const pattern = /(\S+)\s+$/;
  let cursor = end;
  while (words.length < count) {
    const match = pattern.exec(text.slice(Math.max(0, cursor - 40), cursor));
    if (!match) break;
    const start = cursor - match[0].length;
    words.push({ word: match[1]!, start });
    cursor = start;
  }
  return words;
}

/**
 * Where the street name that ends with the word at `wordStart` begins, walking back over capitalised
 * words and prefixes: "Van Goghlaan", "Burgemeester de Withstraat", "Laan van Meerdervoort". A lower-case
 * prefix belongs to the name only with a capitalised word before it ("aan de Kerkstraat" starts at
 * "Kerkstraat"). Null when no word of the name is a street.
 */
function streetStart(text: string, wordStart: number, isStreetWord: boolean): number | null {
  let start = wordStart;
  let sawStreetWord = isStreetWord;
  for (const { word, start: at } of wordsBefore(text, wordStart, 4)) {
    if (PREFIX_WORDS.test(word)) {
      if (STARTS_UPPER.test(word)) start = at;
      continue;
    }
    if (!CAPITALISED_ONLY.test(word) || (isNotAName(word) && !ADJECTIVES.test(word))) break;
    sawStreetWord ||= LONE_STREET_WORDS.test(word);
    start = at;
  }
  return sawStreetWord ? start : null;
}

function isStreetName(word: string): boolean {
  const lower = word.toLowerCase();
  if (NOT_STREETS.has(lower)) return false;
  return STREET_SUFFIXES.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length + 1);
}

export function findAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(WORD_AND_NUMBER, text)) {
    const [whole, word, number] = match as unknown as [string, string, string];
    if (isYear(number.trim())) continue;
    const lone = LONE_STREET_WORDS.test(word);
    const previous = wordsBefore(text, match.index, 1)[0]?.word ?? "";
    const streetWord = isStreetName(word) || (lone && ADJECTIVES.test(previous));
    const start = streetStart(text, match.index, streetWord);
    if (start === null) continue;
    spans.push({ kind: "address", start, end: match.index + whole.length });
  }
  return spans;
}
