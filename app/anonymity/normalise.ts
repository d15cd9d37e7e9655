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

/** Anything but tab, line breaks, printable ASCII and the Latin-1 letters, which NFKC and the rules below leave alone. */
const NEEDS_WORK = /[^\t\n\r\u0020-\u007E\u00C0-\u00FF]/g;

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

// Candidates only; whether the other side is a letter is checked by hand, as a \p{L} lookbehind would be
// tried at every position of the text.
const LETTER_O_NEAR_DIGIT = /[oO](?=\d)|(?<=\d)[oO]/g;
const LETTER = /\p{L}/u;

/** The letter o read as a zero where it touches a digit and no other letter: "o6" → "06", "o2o" → "020". */
function withLetterOAsZero(text: string): string {
  if (!/[oO]\d|\d[oO]/.test(text)) return text;
  return text.replace(LETTER_O_NEAR_DIGIT, (o, at: number) => {
    const before = text[at - 1] ?? "";
    const after = text[at + 1] ?? "";
    // Digits on one side, and no letter on the other: "o6" and "1o" yes, "Bo6" and "6oo" no.
    const digitAfter = after >= "0" && after <= "9";
    return (digitAfter ? LETTER.test(before) : LETTER.test(after)) ? o : "0";
  });
}

/**
 * Runs of the result: from `at` in the result on, either a stretch copied from `from` in the original, or
 * the characters one original chunk [from, to) became.
 */
interface Run {
  at: number;
  from: number;
  to: number;
  copied: boolean;
}

export function normalise(original: string): Normalised {
  NEEDS_WORK.lastIndex = 0;
  if (!NEEDS_WORK.test(original)) {
    return { text: original, digitsText: withLetterOAsZero(original), toOriginal: (start, end) => [start, end] };
  }
  const parts: string[] = [];
  const runs: Run[] = [];
  let length = 0;
  let copiedFrom = 0;
  const copyUpTo = (to: number) => {
    if (to <= copiedFrom) return;
    runs.push({ at: length, from: copiedFrom, to, copied: true });
    parts.push(original.slice(copiedFrom, to));
    length += to - copiedFrom;
  };
  NEEDS_WORK.lastIndex = 0;
  for (let match = NEEDS_WORK.exec(original); match; match = NEEDS_WORK.exec(original)) {
    let at = match.index;
    if (at < copiedFrom) continue;
    // A combining mark joins the character before it, so "e" + U+0301 becomes one "é".
    if (at > copiedFrom && COMBINING_MARK.test(match[0])) at -= 1;
    copyUpTo(at);
    let next = at + (original.codePointAt(at)! > 0xffff ? 2 : 1);
    while (next < original.length) {
      const mark = original.codePointAt(next)!;
      if (!COMBINING_MARK.test(String.fromCodePoint(mark))) break;
      next += mark > 0xffff ? 2 : 1;
    }
    const out = normaliseChunk(original.slice(at, next));
    if (out.length > 0) {
      runs.push({ at: length, from: at, to: next, copied: false });
      parts.push(out);
      length += out.length;
    }
    copiedFrom = next;
    NEEDS_WORK.lastIndex = next;
  }
  copyUpTo(original.length);
  const text = parts.join("");
  /** The run that holds character `index` of the result. */
  const runOf = (index: number): Run => {
    let low = 0;
    let high = runs.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (runs[mid]!.at <= index) low = mid;
      else high = mid - 1;
    }
    return runs[low]!;
  };
  const startOf = (index: number) => {
    const run = runOf(index);
    return run.copied ? run.from + index - run.at : run.from;
  };
  const endOf = (index: number) => {
    const run = runOf(index);
    return run.copied ? run.from + index - run.at + 1 : run.to;
  };
  return {
    text,
    digitsText: withLetterOAsZero(text),
    toOriginal(start, end) {
      if (end <= start) {
        const point = start < text.length ? startOf(start) : original.length;
        return [point, point];
      }
      return [startOf(start), endOf(end - 1)];
    },
  };
}
