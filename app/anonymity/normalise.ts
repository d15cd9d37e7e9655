// Normalisation before matching: what people type to dodge a filter (or get from a phone keyboard or a PDF)
// becomes plain text the detectors know, and every character keeps a link to where it came from, so a
// finding's offsets still point into the author's own text.

// Invisible characters that only split a number or a word: zero-width space, joiners, word joiner, byte-order
// mark, soft hyphen, and the direction marks and embeddings that reorder nothing in Dutch text.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// Every kind of space (no-break, thin, narrow, ideographic, …) except line breaks and tabs.
const SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// Hyphens, dashes and minus signs.
const DASH = /[\u2010-\u2015\u2043\u2212\uFE58\uFE63\uFF0D]/;
const DECIMAL_DIGIT = /\p{Nd}/u;
const COMBINING_MARK = /\p{M}/u;

/** Tab, line breaks, printable ASCII and the Latin-1 letters: NFKC leaves them alone and so do the rules below. */
const passes = (code: number) =>
  (code >= 0x20 && code <= 0x7e) || (code >= 0xc0 && code <= 0xff) || code === 0x09 || code === 0x0a || code === 0x0d;
const NEEDS_WORK = /[^\t\n\r\u0020-\u007E\u00C0-\u00FF]/;

export interface Normalised {
  /** The text the detectors read. */
  text: string;
  /** The same text with a letter o or O read as 0 where it sits against a digit ("o6-12345678", "o2o"). */
  digitsText: string;
  /** Maps a span [start, end) of `text` (or `digitsText`, which has the same length) to the original text. */
  toOriginal(start: number, end: number): [number, number];
}

/** Value of a decimal digit of any script: the digits of a script are ten consecutive code points from 0. */
function digitValue(codePoint: number): number {
  let value = 0;
  while (value < 10 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - value - 1))) value += 1;
  return value % 10;
}

/** What one character (with the combining marks after it) becomes. */
function normaliseChunk(chunk: string): string {
  if (INVISIBLE.test(chunk)) return "";
  if (SPACE.test(chunk)) return " ";
  if (DASH.test(chunk)) return "-";
  const nfkc = chunk.normalize("NFKC");
  const codePoint = chunk.codePointAt(0)!;
  // NFKC maps fullwidth and mathematical digits, not Arabic-Indic, Devanagari or other scripts' digits.
  if (!/^\d/.test(nfkc) && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint))) return String(digitValue(codePoint));
  // NFKC turns a few characters into dashes or spaces of their own ("﹣" into "-" already, "︲" into "—").
  return nfkc.replace(DASHES, "-").replace(SPACES, " ");
}
const DASHES = new RegExp(DASH.source, "g");
const SPACES = new RegExp(SPACE.source, "g");

const LETTER_O_NEAR_DIGIT = /(?<!\p{L})[oO](?=\d)|(?<=\d)[oO](?!\p{L})/gu;

/** The letter o read as a zero where it touches a digit and no other letter: "o6" → "06", "o2o" → "020". */
function withLetterOAsZero(text: string): string {
  if (!/[oO]\d|\d[oO]/.test(text)) return text;
  return text.replace(LETTER_O_NEAR_DIGIT, "0");
}

export function normalise(original: string): Normalised {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, digitsText: withLetterOAsZero(original), toOriginal: (start, end) => [start, end] };
  }
  const parts: string[] = [];
  // For each character of the result: the start and end in the original of the chunk it came from.
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  while (at < original.length) {
    const code = original.charCodeAt(at);
    if (passes(code) && (at + 1 === original.length || passes(original.charCodeAt(at + 1)))) {
      parts.push(original[at]!);
      starts.push(at);
      ends.push(at + 1);
      at += 1;
      continue;
    }
    // A character with the combining marks after it, so "e" + U+0301 becomes one "é".
    const codePoint = original.codePointAt(at)!;
    let next = at + (codePoint > 0xffff ? 2 : 1);
    while (next < original.length) {
      const mark = original.codePointAt(next)!;
      if (!COMBINING_MARK.test(String.fromCodePoint(mark))) break;
      next += mark > 0xffff ? 2 : 1;
    }
    const out = normaliseChunk(original.slice(at, next));
    for (let i = 0; i < out.length; i += 1) {
      starts.push(at);
      ends.push(next);
    }
    parts.push(out);
    at = next;
  }
  const text = parts.join("");
  return {
    text,
    digitsText: withLetterOAsZero(text),
    toOriginal(start, end) {
      if (end <= start) {
        const point = start < starts.length ? starts[start]! : original.length;
        return [point, point];
      }
      return [starts[start]!, ends[end - 1]!];
    },
  };
}
