// Names of people in context: after a title, a common first name with a surname, initials with a surname.
import type { Span } from "./finding";
import { FIRST_NAMES } from "./first-names";
import { isKnownSurname } from "./surnames";
import { CAPITALISED, LETTERS, matches, TUSSENVOEGSELS, UPPER, WORD_START } from "./text";
import { isNotAName, isNotASurnameAfterPrefix } from "./words";

const SURNAME = String.raw`(${TUSSENVOEGSELS})?(${CAPITALISED})`;
const INITIALS = String.raw`(?:[${UPPER}]\.\s?){1,4}`;

// "mevrouw Jansen", "dhr. De Vries", "mr. dr. A. van Dijk", "juf Sanne", "de familie El Amrani".
const TITLED = new RegExp(
  String.raw`(?<![${LETTERS}])(?:[Mm]evrouw|[Mm]eneer|[Mm]evr\.?|[Mm]w\.?|[Dd]hr\.?|[Dd]e [Hh]eer|[Mm]r\.|[Dd]r\.|[Dd]rs\.|[Ii]r\.|[Pp]rof\.|[Jj]uf|[Mm]eester|[Ff]amilie|[Ff]am\.)\s+(?:(?:mr|dr|drs|ir|prof)\.\s*)*(?:${INITIALS})?${SURNAME}`,
  "g",
);

// "J. de Vries", "A.B. Jansen", "J.P. van der Berg": initials that do not close a word or a number.
const INITIALLED = new RegExp(String.raw`(?<![${LETTERS}\d.])${INITIALS}${SURNAME}`, "g");

const CAPITALISED_WORD = new RegExp(String.raw`${WORD_START}${CAPITALISED}`, "g");
const SURNAME_AFTER_FIRST_NAME = new RegExp(String.raw`\s+${SURNAME}`, "y");

/** Groups 1 and 2 of SURNAME: the prefix ("van der") and the capitalised surname. */
function isSurname(prefix: string | undefined, surname: string): boolean {
  // A listed surname is one even where it looks like an institution ("Oosterhuis") or a word.
  if (isKnownSurname(prefix, surname)) return true;
  return prefix ? !isNotASurnameAfterPrefix(surname) : !isNotAName(surname);
}

function spanIfSurname(match: RegExpExecArray): Span[] {
  if (!isSurname(match[1], match[2]!)) return [];
  return [{ kind: "name", start: match.index, end: match.index + match[0].length }];
}

// Capitalised words that open a name's context but are not first names: prefixes, street adjectives, titles.
const NOT_FIRST_NAMES =
  /^(?:Van|De|Den|Der|Ter|Ten|Te|Het|In|Op|Uit|La|Le|El|Al|Da|Di|Dos|Del|Sint|St|Grote|Kleine|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Mevrouw|Meneer|Juf|Meester|Familie|Fam|Mevr|Mw|Dhr)$/;

/** Can `word` be the first name in front of a surname from the list, though no first-name list knows it? */
function mayBeUnknownFirstName(word: string): boolean {
  return !NOT_FIRST_NAMES.test(word) && !isNotAName(word);
}

export function findNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(TITLED, text)) spans.push(...spanIfSurname(match));
  for (const match of matches(INITIALLED, text)) spans.push(...spanIfSurname(match));
  for (const first of matches(CAPITALISED_WORD, text)) {
    SURNAME_AFTER_FIRST_NAME.lastIndex = first.index + first[0].length;
    const rest = SURNAME_AFTER_FIRST_NAME.exec(text);
    if (!rest || FIRST_NAMES.has(rest[2]!.toLowerCase())) continue;
    const known = FIRST_NAMES.has(first[0].toLowerCase());
    if (!known && !mayBeUnknownFirstName(first[0])) continue;
    if (known ? isSurname(rest[1], rest[2]!) : isKnownSurname(rest[1], rest[2]!)) {
      spans.push({ kind: "name", start: first.index, end: rest.index + rest[0].length });
    }
  }
  return spans.map(withGenerationSuffix(text));
}

// "Jan de Vries Jr.", "Kees Bakker sr.": the suffix belongs to the name.
const GENERATION = /^,? (?:[Jj]r|[Ss]r|[Jj]unior|[Ss]enior)\b\.?/;

function withGenerationSuffix(text: string) {
  return (span: Span): Span => {
    const suffix = GENERATION.exec(text.slice(span.end, span.end + 10));
    return suffix ? { ...span, end: span.end + suffix[0].length } : span;
  };
}
