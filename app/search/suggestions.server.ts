import { isStopWord } from "./dutch-analysis.server";
import { queryConcepts, queryWords, type SynonymIndex } from "./query";
import { FILLER_WORDS } from "./question";
import type { SearchIndex } from "./search-index.server";

export interface Suggestion {
  type: "dilemma" | "article";
  title: string;
  url: string;
}

interface Entry extends Suggestion {
  /** The title's words, folded as query words are. */
  words: string[];
}

interface TitleList {
  version: number;
  entries: Entry[];
  /** Every word of the titles and how many titles hold it (for "Bedoelde u"). */
  words: Map<string, number>;
  /** The distinct title words in sorted order, and per word the titles that hold it: prefixes are ranges. */
  sorted: string[];
  postings: Int32Array[];
}

export const MAX_SUGGESTIONS = 8;

/** The titles of one index, read again after the index's documents changed (a rebuild is a new index). */
const lists = new WeakMap<SearchIndex, TitleList>();

/** Titles as words, kept across rebuilds of the list: after a write nearly every title is the same. */
const foldedTitles = new Map<string, string[]>();

/** Indexes whose list is being read again after a change. */
const refreshing = new WeakSet<SearchIndex>();

/**
 * The titles of the index. After a change of its documents the list in hand answers while the new one
 * is read between requests (about half a second at 10k dilemmas on a busy machine, too long for a
 * keystroke); a new title is offered a moment after it is published.
 */
function titleList(index: SearchIndex): TitleList {
  const cached = lists.get(index);
  if (cached && cached.version === index.version) return cached;
  if (cached) {
    if (!refreshing.has(index)) {
      refreshing.add(index);
      setImmediate(() => {
        refreshing.delete(index);
        if (index.sqlite.open) readTitles(index);
      });
    }
    return cached;
  }
  return readTitles(index);
}

/** Reads the titles of a newly opened index between requests, so that the first keystroke need not. */
export function prepareSuggestions(index: SearchIndex) {
  setImmediate(() => {
    if (index.sqlite.open && !lists.has(index)) readTitles(index);
  });
}

function readTitles(index: SearchIndex): TitleList {
  const rows = index.sqlite
    .prepare("select type, url, title from docs where type in ('dilemma', 'article') order by type desc, title")
    .all() as Suggestion[];
  const holders = new Map<string, number[]>();
  if (foldedTitles.size > 200_000) foldedTitles.clear();
  const entries = rows.map((row, i) => {
    let folded = foldedTitles.get(row.title);
    if (!folded) foldedTitles.set(row.title, (folded = queryWords(row.title)));
    for (const word of new Set(folded)) {
      const list = holders.get(word);
      if (list) list.push(i);
      else holders.set(word, [i]);
    }
    return { ...row, words: folded };
  });
  const sorted = [...holders.keys()].sort();
  const list: TitleList = {
    version: index.version,
    entries,
    words: new Map(sorted.map((word) => [word, holders.get(word)!.length])),
    sorted,
    postings: sorted.map((word) => Int32Array.from(holders.get(word)!)),
  };
  lists.set(index, list);
  return list;
}

/** Calls `visit` with each title word starting with `prefix` and the titles holding it. */
function withPrefix(list: TitleList, prefix: string, visit: (word: string, titles: Int32Array) => void) {
  let low = 0;
  let high = list.sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list.sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < list.sorted.length && list.sorted[i]!.startsWith(prefix); i++)
    visit(list.sorted[i]!, list.postings[i]!);
}

/** The words of a query worth matching: without stop and filler words, unless that leaves none. */
function meaningful(words: string[]): string[] {
  const kept = words.filter((word) => !isStopWord(word) && !FILLER_WORDS.has(word));
  return kept.length > 0 ? kept : words;
}

/**
 * The titles holding every word of a phrase (stop words aside) at the start of one of their words, each
 * with how well: `whole` for the word itself, `start` for a word it only starts (0: not enough).
 */
function phraseTitles(list: TitleList, phrase: string, whole: number, start: number): Map<number, number> {
  const all = phrase.split(" ");
  const words = all.some((word) => !isStopWord(word)) ? all.filter((word) => !isStopWord(word)) : all;
  let result: Map<number, number> | null = null;
  for (const word of words) {
    const fits = new Map<number, number>();
    const within: Map<number, number> | null = result;
    withPrefix(list, word, (found, titles) => {
      const value = found === word ? whole : start;
      if (value === 0) return;
      for (let i = 0; i < titles.length; i++) {
        const title = titles[i]!;
        if (within && !within.has(title)) continue;
        if ((fits.get(title) ?? 0) < value) fits.set(title, Math.min(value, within?.get(title) ?? value));
      }
    });
    result = fits;
    if (fits.size === 0) break;
  }
  return result ?? new Map();
}

/**
 * Titles whose words start with each word typed so far (the last may be half typed; a synonym counts
 * too): a whole word weighs 3, a start 2, a synonym 1; dilemmas first at equal fit, then shorter titles.
 */
export function suggest(index: SearchIndex, synonyms: SynonymIndex, query: string): Suggestion[] {
  const words = queryWords(query);
  if (words.join("").length < 2) return [];
  const all = queryConcepts(words, synonyms);
  // A single letter (the next word just begun) starts nearly every title: it waits for the second.
  const meaningfulConcepts = all.filter(
    ([phrase]) => phrase!.length > 1 && !isStopWord(phrase!) && !FILLER_WORDS.has(phrase!),
  );
  const concepts = meaningfulConcepts.length > 0 ? meaningfulConcepts : all;
  const list = titleList(index);
  let scores: Map<number, number> | null = null;
  for (const [original, ...alternatives] of concepts) {
    const fits = phraseTitles(list, original!, 3, 2);
    for (const alternative of alternatives) {
      // A short abbreviation ("vt", "om") would start too many words: only as a whole word.
      for (const [title, value] of phraseTitles(list, alternative, 1, alternative.length >= 4 ? 1 : 0))
        if ((fits.get(title) ?? 0) < value) fits.set(title, value);
    }
    const previous: Map<number, number> | null = scores;
    scores = new Map();
    for (const [title, value] of fits)
      if (!previous || previous.has(title)) scores.set(title, (previous?.get(title) ?? 0) + value);
    if (scores.size === 0) return [];
  }
  if (!scores) return [];
  return [...scores]
    .map(([title, score]) => ({ entry: list.entries[title]!, score }))
    .map(({ entry, score }) => ({ entry, score: score + (entry.type === "dilemma" ? 0.5 : 0) }))
    .sort((a, b) => b.score - a.score || a.entry.title.length - b.entry.title.length)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ entry: { type, title, url } }) => ({ type, title, url }));
}

/** Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

const vocabularies = new WeakMap<SynonymIndex, Set<string>>();

/** Every word of the vocabulary's terms. */
function vocabularyWords(synonyms: SynonymIndex): Set<string> {
  let words = vocabularies.get(synonyms);
  if (!words) {
    words = new Set([...synonyms.phrases.keys()].flatMap((phrase) => phrase.split(" ")));
    vocabularies.set(synonyms, words);
  }
  return words;
}

/**
 * The title sharing the most meaningful words with the query (by their first five letters, so
 * `verzuimende` meets `verzuim`); at least two when the query has two. Null when none comes close.
 */
export function nearestTitle(index: SearchIndex, query: string): Suggestion | null {
  const words = meaningful(queryWords(query)).filter((word) => word.length >= 3);
  if (words.length === 0) return null;
  const heads = words.map((word) => word.slice(0, 5));
  const needed = Math.min(2, heads.length);
  let best: { entry: Entry; shared: number } | null = null;
  for (const entry of titleList(index).entries) {
    let shared = 0;
    for (const head of heads) if (entry.words.some((word) => word.startsWith(head))) shared++;
    if (shared >= needed && (!best || shared > best.shared)) best = { entry, shared };
  }
  return best && { type: best.entry.type, title: best.entry.title, url: best.entry.url };
}

/**
 * "Bedoelde u": the query with each word that is neither a known vocabulary term nor a word of a title
 * replaced by the nearest one that is (two edits for longer words, one for short ones); null when
 * nothing changes.
 */
export function nearestQuery(index: SearchIndex, synonyms: SynonymIndex, query: string): string | null {
  const { words: titleWords } = titleList(index);
  const vocabulary = vocabularyWords(synonyms);
  const words = queryWords(query);
  let changed = false;
  const corrected = words.map((word) => {
    if (word.length < 4 || /\d/.test(word) || isStopWord(word) || FILLER_WORDS.has(word)) return word;
    if (vocabulary.has(word) || titleWords.has(word)) return word;
    const limit = word.length >= 7 ? 2 : 1;
    let best: { word: string; distance: number; weight: number } | null = null;
    const consider = (candidate: string, weight: number) => {
      if (candidate.length < 3) return;
      const distance = editDistance(word, candidate, best ? Math.min(limit, best.distance) : limit);
      if (distance > limit) return;
      if (!best || distance < best.distance || (distance === best.distance && weight > best.weight))
        best = { word: candidate, distance, weight };
    };
    // Vocabulary terms count as more common than any title word: they are what people type.
    for (const term of vocabulary) consider(term, Number.MAX_SAFE_INTEGER);
    for (const [title, count] of titleWords) consider(title, count);
    if (!best) return word;
    changed = true;
    return (best as { word: string }).word;
  });
  return changed ? corrected.join(" ") : null;
}
