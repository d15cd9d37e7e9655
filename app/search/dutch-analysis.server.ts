import lunr from "lunr";
import dutch from "lunr-languages/lunr.nl.js";
// lunr-languages patches the lunr object it is given.
import stemmerSupport from "lunr-languages/lunr.stemmer.support.js";

import { foldText } from "./query";

/**
 * Lunr's Dutch pipeline (lunr-languages: stop words and the Snowball stemmer), used on its own: the
 * same analysis turns documents into the terms SQLite FTS5 indexes and query words into the terms
 * looked up, so `gedeelde` and `gedeeld` meet at `gedeeld`.
 */
type DutchPipeline = { stemmer: lunr.PipelineFunction; stopWordFilter: lunr.PipelineFunction };

let pipeline: DutchPipeline | null = null;

function dutchPipeline(): DutchPipeline {
  if (!pipeline) {
    // The server and the Remix build each load this module but share one lunr: patch it once.
    const patched = lunr as unknown as { nl?: DutchPipeline };
    if (!patched.nl) {
      stemmerSupport(lunr);
      dutch(lunr);
    }
    pipeline = patched.nl!;
  }
  return pipeline;
}

/** Terms are memoised: a library repeats its words, and stemming is most of the cost of indexing. */
const terms = new Map<string, string>();
const MAX_MEMO = 200_000;

/** The indexed term of a folded word: its Dutch stem (`gedeelde` → `gedeeld`), or "" for a stop word. */
function termOf(word: string): string {
  let term = terms.get(word);
  if (term === undefined) {
    const { stemmer, stopWordFilter } = dutchPipeline();
    const token = new lunr.Token(word, {});
    term = stopWordFilter(token, 0, []) ? String(stemmer(token, 0, [])) : "";
    // Queries bring arbitrary words; the memo stays bounded.
    if (terms.size >= MAX_MEMO) terms.clear();
    terms.set(word, term);
  }
  return term;
}

/** The Dutch stem of a folded word, stop word or not. */
export function stem(word: string): string {
  return termOf(word) || String(dutchPipeline().stemmer(new lunr.Token(word, {}), 0, []));
}

/** A Dutch stop word (`de`, `het`, `van`, …): neither indexed nor searched. */
function isDutchStopWord(word: string): boolean {
  return termOf(word) === "";
}

/**
 * Words of a professional's question that say nothing about the subject ("mag ik … vertellen?").
 * They are indexed, but with all words required they would only hide the answer.
 */
const QUESTION_WORDS = new Set(
  "mag mogen magik kan kunnen moet moeten wil willen zou zouden mijn onze jouw hoe wat waarom wanneer welke wie waar iets even eigenlijk".split(
    " ",
  ),
);

/** Whether a (folded) query word is a stop word that search should skip. */
export function isStopWord(word: string): boolean {
  return QUESTION_WORDS.has(word) || isDutchStopWord(word);
}

/** One indexed word: its term, and where the word stands in the original text (for highlights). */
export interface AnalysedWord {
  term: string;
  start: number;
  length: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const PLAIN = /^[a-z0-9]+$/;
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/**
 * Calls `visit` with each word of the text, folded (accents and case) and split at everything that is
 * not a letter or digit, as query words are split (`queryWords`), with its place in the text given.
 * `visit` returns true to stop.
 */
function scanWords(text: string, visit: (word: string, start: number, length: number) => boolean | void) {
  const lower = text.toLowerCase();
  // Lowercasing keeps the length of nearly every text; when it does not, each word is lowercased alone.
  const aligned = lower.length === text.length;
  const pattern = new RegExp(WORD);
  for (let match = pattern.exec(aligned ? lower : text); match; match = pattern.exec(aligned ? lower : text)) {
    const raw = aligned ? match[0] : match[0].toLowerCase();
    if (PLAIN.test(raw)) {
      if (visit(raw, match.index, match[0].length)) return;
      continue;
    }
    // Folding can leave a separator behind (`½` → `1⁄2`); each part is a word at the same place.
    for (const part of foldText(raw).split(SEPARATOR))
      if (part !== "" && visit(part, match.index, match[0].length)) return;
  }
}

/** The terms of a text, in order: what the full-text index stores for a field. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  scanWords(text, (word) => {
    const term = termOf(word);
    if (term !== "") terms.push(term);
  });
  return terms;
}

/**
 * Finds the words of a text whose term is one of `terms` (to highlight them). A stem keeps the first
 * two letters of its word (Snowball's Dutch stemmer only changes letters after its R1 region or undoubles
 * a vowel from the third letter on), so words that start otherwise are skipped without stemming.
 */
export function findTerms(text: string, terms: Set<string>, limit = Infinity): AnalysedWord[] {
  const prefixes = new Set([...terms].map((term) => term.slice(0, 2)));
  const found: AnalysedWord[] = [];
  scanWords(text, (word, start, length) => {
    if (!prefixes.has(word.slice(0, 2))) return false;
    const term = termOf(word);
    if (terms.has(term)) found.push({ term, start, length });
    return found.length >= limit;
  });
  return found;
}
