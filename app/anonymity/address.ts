// Where a person lives: a postcode with a house number, a street with a house number.
import FAKER_STREET_SUFFIXES from "./data/street-suffixes.json";
import type { Span } from "./finding";
import { CAPITALISED, LETTERS, matches, UPPER, WORD_END, WORD_START } from "./text";
import { isNotAName } from "./words";

// A house number: "12", "3a", "3 A", "19-A", "14-2", "14/2", "27bis", and a floor: "12 II", "8-III".
const HOUSE_NUMBER = String.raw`\d{1,4}(?:[ -]?(?:bis|[A-Za-z])(?![${LETTERS}]))?(?:[ -](?:I{1,3}|IV)(?![${LETTERS}]))?(?: ?[\-/] ?\d{1,4}[A-Za-z]?)?(?!\d|[.,:]\d)`;

// Dutch postcodes: 1000–9999 and two letters, never SA, SD or SS. People type them in lower case too
// ("1234ab 12"); then the letters must not be a word or a unit ("2019 en 12", "1500 km").
const POSTCODE = new RegExp(
  String.raw`(?<![${LETTERS}\d:.,\-€])[1-9]\d{3} ?(?!SA|SD|SS|sa|sd|ss)(?:[A-Z]{2}|[A-Za-z]{2})${WORD_END}`,
  "g",
);
const NOT_POSTCODE_LETTERS = new Set(
  `aa af al an as bh bv cc cl cm ct dl do eh ei en er ga gb ha he hl ie ik in is ja je jr ka kb kg km kv kw la
   ma mb me mg mi ml mm mw na ne nm nr nu oa of oh ok om on op os pa pk pp re si so st ta te ti to uk ut uw vo
   wc we wo ze zo`.split(/\s+/),
);

/** Upper-case letters always; lower-case ones when they are not a short word or a unit. */
function isPostcodeLetters(letters: string): boolean {
  return letters === letters.toUpperCase() || !NOT_POSTCODE_LETTERS.has(letters.toLowerCase());
}
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
    if (!isPostcodeLetters(match[0].slice(-2))) continue;
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

// Street types: faker's (data/street-suffixes.json) and the many more that Dutch street names end in.
const STREET_SUFFIXES = new Set([
  ...FAKER_STREET_SUFFIXES,
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
]);
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
// Adjectives that open a street's name without a street word: "Oude Delft", "Lange Voorhout", "Hoge Woerd".
const STREET_ADJECTIVES = /^(?:Grote|Kleine|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Brede|Smalle|Achter)$/;
const ADJECTIVES = /^(?:Grote|Kleine|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Brede|Smalle|Achter|Voor|Binnen|Buiten)$/;
const STARTS_UPPER = new RegExp(`^[${UPPER}]`);
const CAPITALISED_ONLY = new RegExp(`^${CAPITALISED}$`);
const LOWER_NAME_PREFIX = /^(?:van|ter|ten)$/;
const PREFIX_WORDS = /^(?:van|de|der|den|het|'t|ter|ten|op|St\.|Sint|Van|De|Der|Den|Het|Ter|Ten)$/;

// A capitalised word followed by a house number: "Dorpsstraat 12", "Kerkweg 3a", "Goghlaan 14-2", "Kerkstr. 12".
const WORD_AND_NUMBER = new RegExp(
  String.raw`${WORD_START}(${CAPITALISED})(\.?)\s+(?:(?:nr\.?|nummer)\s*)?(${HOUSE_NUMBER})(?!\s*(?:jaar|euro|procent|%|keer|uur|km|kilometer|meter|minuten|dagen|weken|maanden)\b)`,
  "g",
);

// Street types as people abbreviate them: "Kerkstr.", "Stationswg", "Dorpspl.", "Beatrixln", "Havenkd".
const ABBREVIATED_SUFFIXES = ["str", "wg", "ln", "pl", "pln", "sngl", "kd", "gr", "dk", "stg", "mkt", "plnts", "bvd"];

const ALL_SUFFIXES = [...STREET_SUFFIXES, ...ABBREVIATED_SUFFIXES];

// Things a text numbers that are never streets, also after "aan de" or "Oude": "Artikel 12", "Groep 7".
const NUMBERED_THINGS = new Set(
  `artikel artikelen art groep groepen klas stap fase versie bijlage hoofdstuk paragraaf pagina week kamer zaal
   lid route niveau deel punt vraag regel sectie tabel figuur item nummer jaar sessie bijeenkomst module les blok
   periode kwartaal ronde optie scenario categorie code onderdeel thema zitting agendapunt leerjaar graad
   casus dilemma bus lijn spoor perron gate verdieping etage afdeling unit box`.split(/\s+/),
);

// What comes before a street that has no street word: "woont aan de Amstel 12", "adres: Rokin 3",
// "verhuisd naar het Spui 8", "aan de Oude Delft 112".
const AAN_DE = /(?:^|[^A-Za-z])[Aa]an\s+(?:de|het|'t)\s+$/;
const LIVES_AT =
  /(?:^|[^A-Za-z])(?:woont|woonde|wonen|woonachtig|verhuisd|verhuist|verhuizen|ingeschreven|logeert|logeren|verblijft|adres|adressen)(?:\s+(?:nu|sinds|kort|tijdelijk|weer|nog|zij|hij|ze|het|van|gezin|moeder|vader|kind|oma|opa))*\s*:?\s+(?:(?:op|aan|naar|bij)\s+)?(?:(?:de|het|'t)\s+)?$/i;
// A plural after the number counts things: "aan de Kinderombudsman 3 adviezen", "Grote Vergadering 2 moties".
const COUNTED_AFTER = /^\s+[a-zà-ÿ]{2,}(?:en|s|'s|ën)(?![A-Za-zà-ÿ])/;
const NOT_COUNTED = /^\s+(?:boven|beneden|achter|binnen|buiten|tegen|tussen|even|hoog|bis)(?![A-Za-zà-ÿ])/;

/** The words before `end`, nearest first, with their offsets. */
function wordsBefore(text: string, end: number, count: number): { word: string; start: number }[] {
  // A hand-written scan: a regular expression anchored at the end is tried from every position before it.
  const words: { word: string; start: number }[] = [];
  let cursor = end;
  while (words.length < count) {
    const limit = Math.max(0, cursor - 40);
    let at = cursor;
    while (at > limit && isSpace(text[at - 1]!)) at -= 1;
    const wordEnd = at;
    while (at > limit && !isSpace(text[at - 1]!)) at -= 1;
    if (wordEnd === cursor || at === wordEnd) break;
    words.push({ word: text.slice(at, wordEnd), start: at });
    cursor = at;
  }
  return words;
}

const isSpace = (char: string) => char === " " || char === "\n" || char === "\t" || char === "\r" || /\s/.test(char);

/**
 * Where the street name that ends with the word at `wordStart` begins, walking back over capitalised
 * words and prefixes: "Van Goghlaan", "Burgemeester de Withstraat", "Laan van Meerdervoort". A lower-case
 * prefix belongs to the name only with a capitalised word before it ("aan de Kerkstraat" starts at
 * "Kerkstraat"), or when it is "van", "ter" or "ten" ("op van Loonweg 9"). Null when no word of the name is a street.
 */
function streetStart(text: string, wordStart: number, isStreetWord: boolean): number | null {
  let start = wordStart;
  let sawStreetWord = isStreetWord;
  for (const { word, start: at } of wordsBefore(text, wordStart, 4)) {
    if (PREFIX_WORDS.test(word)) {
      // "Van Goghlaan", and "van Loonweg" as people write it too; not "de" alone ("aan de Kerkstraat").
      if (STARTS_UPPER.test(word) || LOWER_NAME_PREFIX.test(word)) start = at;
      continue;
    }
    if (!CAPITALISED_ONLY.test(word) || (isNotAName(word) && !ADJECTIVES.test(word))) break;
    sawStreetWord ||= LONE_STREET_WORDS.test(word);
    start = at;
  }
  return sawStreetWord ? start : null;
}

function isStreetName(word: string, abbreviated: boolean): boolean {
  const lower = word.toLowerCase();
  if (NOT_STREETS.has(lower)) return false;
  const suffixes = abbreviated ? ABBREVIATED_SUFFIXES : ALL_SUFFIXES;
  return suffixes.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length + 1);
}

/** A street without a street word, known by the adjective before it or by the words around it. */
function isStreetWithoutStreetWord(text: string, match: RegExpExecArray, word: string, previous: string): boolean {
  if (isNotAName(word) || NUMBERED_THINGS.has(word.toLowerCase())) return false;
  const end = match.index + match[0].length;
  const next = text.slice(end, end + 24);
  if (COUNTED_AFTER.test(next) && !NOT_COUNTED.test(next)) return false;
  if (STREET_ADJECTIVES.test(previous)) return true;
  const before = text.slice(Math.max(0, match.index - 60), match.index);
  return AAN_DE.test(before) || LIVES_AT.test(before);
}

export function findAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(WORD_AND_NUMBER, text)) {
    const [whole, word, dot, number] = match as unknown as [string, string, string, string];
    if (isYear(number.trim())) continue;
    const previous = wordsBefore(text, match.index, 1)[0]?.word ?? "";
    let streetWord: boolean;
    if (dot) {
      streetWord = isStreetName(word, true);
    } else {
      const lone = LONE_STREET_WORDS.test(word);
      streetWord =
        isStreetName(word, false) ||
        (lone && ADJECTIVES.test(previous)) ||
        (!lone && isStreetWithoutStreetWord(text, match, word, previous));
    }
    const start = streetStart(text, match.index, streetWord);
    if (start === null) continue;
    spans.push({ kind: "address", start, end: match.index + whole.length });
  }
  return spans;
}
