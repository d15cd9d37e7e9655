// Numbers that identify a person on their own: the BSN (elfproef) and the IBAN (mod-97, via ibantools).
import { getCountrySpecifications, isValidIBAN } from "ibantools";

import type { Span } from "./finding";
import { LETTERS, matches, type Sentences, WORD_START } from "./text";

/**
 * The BSN's elfproef: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11. Eight digits are a BSN
 * with its leading zero dropped.
 */
export function passesElfproef(number: string): boolean {
  const digits = number.replace(/\D/g, "").padStart(9, "0");
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Nine digits, optionally grouped by spaces, dots or hyphens ("123456782", "1234.56.782", "123 456 782"),
// not part of a longer number, an amount or a phone number; or eight, a BSN written without its leading zero.
const BSN = new RegExp(
  String.raw`(?<![${LETTERS}\d€$+]|\d[ .,\-]|[€$] ?)\d(?:[ .\-]?\d){7,8}(?!\d|[.,\-]\d| ?(?:euro|EUR)\b)`,
  "g",
);
// Eight digits are any number one time in eleven, so they count only where the sentence says it is a BSN.
const BSN_WORD = /(?<![a-z])(?:bsn|burger\s?service-?\s?nummer|sofi-?\s?nummer)(?![a-z]|['’]s)/i;
const DATE_LIKE = /^\d{1,2}[.-]\d{1,2}[.-]\d{4}$/;

export function findBsns(text: string, sentences: Sentences): Span[] {
  const spans: Span[] = [];
  for (const match of matches(BSN, text)) {
    if (!passesElfproef(match[0])) continue;
    if (match[0].replace(/\D/g, "").length === 8) {
      const [sentenceStart, sentenceEnd] = sentences.of(match.index);
      const around = text.slice(Math.max(sentenceStart, match.index - 60), Math.min(sentenceEnd, match.index + 40));
      if (DATE_LIKE.test(match[0]) || !BSN_WORD.test(around)) continue;
    }
    spans.push({ kind: "bsn", start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

// A country code, two check digits, then up to 30 letters and digits, in groups separated by single spaces
// ("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "NL 91 ABNA …").
const IBAN_START = new RegExp(String.raw`${WORD_START}[A-Za-z]{2} ?\d{2}(?: ?[A-Za-z0-9]){10,32}`, "g");
const LETTER_OR_DIGIT = new RegExp(`[${LETTERS}\\d]`);
let ibanLengths: Map<string, number> | undefined;

function ibanLength(country: string): number | undefined {
  ibanLengths ??= new Map(
    Object.entries(getCountrySpecifications()).flatMap(([code, spec]) =>
      spec.chars ? [[code, spec.chars] as const] : [],
    ),
  );
  return ibanLengths.get(country);
}

export function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of matches(IBAN_START, text)) {
    const length = ibanLength(match[0].slice(0, 2).toUpperCase());
    if (!length) continue;
    // Take exactly the country's number of characters, so a word after the IBAN is not part of it.
    let taken = 0;
    let end = 0;
    while (end < match[0].length && taken < length) {
      if (match[0][end] !== " ") taken += 1;
      end += 1;
    }
    const candidate = match[0].slice(0, end);
    const next = text[match.index + end];
    if (taken !== length || (next !== undefined && LETTER_OR_DIGIT.test(next))) {
      IBAN_START.lastIndex = match.index + 1;
      continue;
    }
    if (isValidIBAN(candidate.replace(/ /g, "").toUpperCase())) {
      spans.push({ kind: "iban", start: match.index, end: match.index + end });
      IBAN_START.lastIndex = match.index + end;
    } else {
      IBAN_START.lastIndex = match.index + 1;
    }
  }
  return spans;
}
