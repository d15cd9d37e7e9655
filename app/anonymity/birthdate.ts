// Exact dates of birth: a day and month (and usually a year) with "geboren", "geb." or "geboortedatum" near it.
import type { Span } from "./finding";
import { matches, type Sentences, WORD_END, WORD_START } from "./text";
import { MONTHS } from "./words";

const MONTH_NAMES = [
  ...MONTHS,
  "jan",
  "feb",
  "mrt",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "okt",
  "nov",
  "dec",
].join("|");
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const NUMERIC_MONTH = String.raw`(?:0?[1-9]|1[0-2])`;

// "12-03-2015", "12/3/'15", "12.03.2015", "2015-03-12", "12 maart 2015", "3 jan. 2014", "12 maart".
const DATE = new RegExp(
  [
    String.raw`${WORD_START}${DAY}([\-/.])${NUMERIC_MONTH}\1(?:(?:19|20)\d{2}|'?\d{2})(?!\d)`,
    String.raw`${WORD_START}(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)`,
    String.raw`${WORD_START}${DAY}(?:e|ste|de)?\s+(?:${MONTH_NAMES})\.?(?:\s+(?:19|20)\d{2})?${WORD_END}`,
  ].join("|"),
  "gi",
);

// Words that make a date a date of birth; "geboorte" alone ("de geboorte van een broertje") does not.
const BIRTH_BEFORE =
  /(?<![a-z])(?:geboren|geb\.?|geboortedatum|geboortedag|geboorte\s*(?:d\.d\.|datum|op|:)|d\.d\.\s*geboorte|°)(?:[\s:,]+\S+){0,3}?[\s:,]*$/i;
const BIRTH_AFTER = /^[\s,]*\(?(?:geboren|geb\.|geboortedatum|geboortedag)/i;

export function findBirthdates(text: string, sentences: Sentences): Span[] {
  const spans: Span[] = [];
  for (const match of matches(DATE, text)) {
    const start = match.index;
    const end = start + match[0].length;
    const [sentenceStart, sentenceEnd] = sentences.of(start);
    const before = text.slice(Math.max(sentenceStart, start - 40), start);
    const after = text.slice(end, Math.min(sentenceEnd, end + 25));
    if (BIRTH_BEFORE.test(before) || BIRTH_AFTER.test(after)) spans.push({ kind: "birthdate", start, end });
  }
  return spans;
}
