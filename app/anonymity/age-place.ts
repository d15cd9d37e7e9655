// An age together with a named school or place in one sentence: "een 12-jarige van De Regenboog in Goes".
// Either alone is ordinary in a dilemma; together they can point at one child.
import type { Span } from "./finding";
import { CAPITALISED, LETTERS, matches, type Sentences, UPPER, WORD_START } from "./text";
import { isNotAName } from "./words";

/** "jongen|meisje" → "[Jj]ongen|[Mm]eisje": a capital at the start of a sentence, without the slow `i` flag. */
const eitherCase = (words: string) =>
  words
    .split("|")
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join("|");

const NUMBER_WORDS =
  "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig";
const AGE_NUMBER = String.raw`(?:\d{1,2}|${eitherCase(NUMBER_WORDS)})`;
const PERSON = eitherCase(
  "jongen|jongetje|meisje|meid|kind|kindje|zoon|zoontje|dochter|dochtertje|leerling|leerlinge|scholier|jongere|puber|tiener|baby|peuter|kleuter|broer|broertje|zus|zusje|tweeling|pupil|cliënt|cliënte|man|vrouw|moeder|vader|student|jongeman",
);

/**
 * Ages: "12-jarige", "twaalfjarige", "14 jaar oud", "een jongen van 9", "het meisje is 14 jaar",
 * "Sem (12)". Each is found from a cheap anchor, then the words just before it are checked: a pattern
 * that has to try a list of words at every position of a long text is what makes a guard slow.
 */
const AGES: { anchor: RegExp; before: RegExp }[] = [
  {
    anchor: new RegExp(`jarig(?:e|en)?(?![${LETTERS}])`, "g"),
    before: new RegExp(String.raw`${WORD_START}${AGE_NUMBER}[\- ]?$`),
  },
  {
    anchor: new RegExp(String.raw`jaar\s+oud(?![${LETTERS}])`, "g"),
    before: new RegExp(String.raw`${WORD_START}${AGE_NUMBER}\s+$`),
  },
  {
    anchor: new RegExp(
      String.raw`(?:van|is|wordt|werd|was|,)\s+${AGE_NUMBER}(?:\s+jaar)?(?![${LETTERS}\d]|\s+(?:uur|euro|procent|minuten|dagen|weken|maanden|keer|kinderen|jongens|meisjes|zonen|dochters)\b)`,
      "g",
    ),
    before: new RegExp(String.raw`${WORD_START}(?:${PERSON})(?:\s*,)?\s*$`),
  },
  {
    anchor: /\(\s*\d{1,2}(?:\s*(?:jaar|jr\.?))?\s*\)/g,
    before: new RegExp(String.raw`${WORD_START}(?:${PERSON}|${CAPITALISED})\s+$`),
  },
];

function findAges(text: string): Span[] {
  const ages: Span[] = [];
  for (const { anchor, before } of AGES) {
    for (const match of matches(anchor, text)) {
      const preceding = text.slice(Math.max(0, match.index - 24), match.index);
      const words = before.exec(preceding);
      if (words)
        ages.push({
          kind: "age-place",
          start: match.index - preceding.length + words.index,
          end: match.index + match[0].length,
        });
    }
  }
  return ages;
}

const ARTICLE = String.raw`(?:De|Het|'t|Den|'s-?)\s*`;

// Named schools and places; group 1 is the name: "basisschool De Regenboog", "OBS Het Kompas",
// "van De Regenboog", "in Goes", "uit Bergen op Zoom", "in Den Haag".
const NAMED_PLACES = [
  String.raw`(?:[Bb]asisschool|[Ss]chool|[Kk]indcentrum|[Kk]inderdagverblijf|[Pp]euterspeelzaal|IKC|OBS|CBS|PCBS|RKBS|SBO|SO|VSO|KDV|BSO)\s+((?:(?:${ARTICLE}|Sint\s+|St\.\s+))?(?:${CAPITALISED}\s+){0,2}${CAPITALISED})`,
  String.raw`(?:van|op|naar|bij|uit)\s+((?:De|Het|'t)\s+(?:${CAPITALISED}\s+){0,2}${CAPITALISED})`,
  String.raw`(?:[Ii]n|[Uu]it|te|[Bb]ij|nabij)\s+((?:${ARTICLE})?${CAPITALISED}(?:\s+(?:aan|op|in|bij|den)\s+(?:de\s+)?${CAPITALISED})?)`,
].map((source) => new RegExp(String.raw`${WORD_START}${source}`, "g"));
// "het Da Vinci College", "Stedelijk Gymnasium": found from the kind of school, then the name before it.
const SCHOOL_KIND = new RegExp(`(?:College|Lyceum|Gymnasium|Scholengemeenschap|Campus|Academie)(?![${LETTERS}])`, "g");
const SCHOOL_NAME_BEFORE = new RegExp(String.raw`${WORD_START}((?:${CAPITALISED}\s+){1,3})$`);
const STARTS_UPPER = new RegExp(`^[${UPPER}]`);

/** A name that is an organisation, a region or a plain word ("bij Veilig Thuis", "in Zeeland") names no place. */
function isPlaceName(name: string): boolean {
  const words = name.split(/[\s-]+/).filter((w) => STARTS_UPPER.test(w) && !/^(?:De|Het|Den)$/.test(w));
  return words.length > 0 && !words.some(isNotAName);
}

function namedPlaces(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of NAMED_PLACES) {
    for (const match of matches(pattern, text)) {
      if (isPlaceName(match[1]!))
        spans.push({ kind: "age-place", start: match.index, end: match.index + match[0].length });
    }
  }
  for (const match of matches(SCHOOL_KIND, text)) {
    const preceding = text.slice(Math.max(0, match.index - 80), match.index);
    const name = SCHOOL_NAME_BEFORE.exec(preceding);
    if (name && isPlaceName(name[1]!)) {
      spans.push({
        kind: "age-place",
        start: match.index - preceding.length + name.index,
        end: match.index + match[0].length,
      });
    }
  }
  return spans;
}

export function findAgesWithPlaces(text: string, sentences: Sentences): Span[] {
  const ages = findAges(text);
  if (ages.length === 0) return [];
  const places = namedPlaces(text);
  const spans: Span[] = [];
  for (const age of ages) {
    const [sentenceStart, sentenceEnd] = sentences.of(age.start);
    const together = places.filter(
      (p) => p.start >= sentenceStart && p.end <= sentenceEnd && (p.end <= age.start || p.start >= age.end),
    );
    if (together.length === 0) continue;
    const start = Math.min(age.start, ...together.map((p) => p.start));
    const end = Math.max(age.end, ...together.map((p) => p.end));
    spans.push({ kind: "age-place", start, end });
  }
  return spans;
}
