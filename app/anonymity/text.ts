// Regular-expression pieces and text helpers shared by the detectors.

// Character classes for Latin script: Dutch, and the Turkish, Polish or French spellings of names in Dutch
// registers. Unicode property classes (\p{L}) would cover every script, but V8 tests them range by range,
// and a pattern that starts with one tests it at every position: ten times slower on a 20 KB text.
export const LETTERS = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F`;
export const UPPER = String.raw`A-Z\u00C0-\u00D6\u00D8-\u00DE\u0106\u010C\u0130\u0141\u015A\u015E\u0160\u017D`;
const LOWER = String.raw`a-z\u00DF-\u00F6\u00F8-\u00FF\u0100-\u024F`;

/** A capitalised word, double-barrelled too: "Jansen", "IJzerman", "Öztürk", "Bakker-Visser". */
export const CAPITALISED = String.raw`(?:IJ|[${UPPER}])[${LOWER}'’]+(?:-(?:IJ|[${UPPER}])?[${LOWER}'’]+)*`;

/**
 * Surname prefixes, lower or upper case: Dutch "van", "van der", "de", "ten", "in 't", "v.d.", and the
 * particles of names from elsewhere that Dutch registers keep apart: "El Amrani", "Da Silva", "Dos Santos".
 */
export const TUSSENVOEGSELS = String.raw`(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]en|[Tt]er|[Tt]e|[Ii]n|[Oo]p|[Uu]it|[Hh]et|'[Tt]|[Vv]\.\s?[Dd]\.|[Ll]a|[Ll]e|[Ee]l|[Aa]l|[Aa]bu|[Dd]a|[Dd]i|[Dd]os|[Dd]el)\s+){1,3}`;

/** Lookbehind that lets a pattern start only at the beginning of a word or number. */
export const WORD_START = String.raw`(?<![${LETTERS}\d])`;
export const WORD_END = String.raw`(?![${LETTERS}\d])`;

export function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield match;
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
}

// Abbreviations after which a full stop does not end the sentence.
const ABBREVIATION =
  /(?:^|[\s(])(?:[a-z]|mw|mevr|dhr|dr|drs|mr|ir|prof|art|nr|geb|bijv|ca|tel|st|jl|vs|resp|incl|excl|evt|enz|o\.a|d\.d|i\.p\.v|m\.b\.t|n\.a\.v|t\.a\.v|i\.o\.m|z\.s\.m|e\.d)$/i;
const SENTENCE_END = new RegExp(
  String.raw`[.!?](?=\s+["'‘“(]?[${UPPER}\d])|\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)|\n(?=#)`,
  "g",
);

/** Splits a text into sentences; `of(offset)` gives the [start, end) of the sentence around an offset. */
export function sentences(text: string) {
  const ends: number[] = [];
  for (const match of matches(SENTENCE_END, text)) {
    if (match[0] === "." && ABBREVIATION.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    ends.push(match.index + 1);
  }
  ends.push(text.length);
  return {
    of(offset: number): [number, number] {
      let low = 0;
      let high = ends.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (ends[mid]! <= offset) low = mid + 1;
        else high = mid;
      }
      return [low === 0 ? 0 : ends[low - 1]!, ends[low]!];
    },
  };
}

export type Sentences = ReturnType<typeof sentences>;
