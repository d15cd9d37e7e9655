import { type Sector, SECTOR_LABELS, type Verdict } from "~/domain/vocabulary";
import { paginate } from "~/utils/paginate";
import { sectorMask } from "./direction-columns.server";
import type { SearchType } from "./documents.server";
import { findTerms, isStopWord, stem } from "./dutch-analysis.server";
import type { Facets } from "./facet-columns.server";
import { editNeighbours, highlight, queryConcepts, queryWords, snippetWindow, type SynonymIndex } from "./query";
import { FILLER_WORDS, type QuestionDirection, readDirection } from "./question";
import { intersectAll, type RowSet, unionAll } from "./row-sets";
import type { SearchIndex, ShownDoc } from "./search-index.server";

export type { Facets };

export interface SearchFilters {
  type?: SearchType;
  region?: string;
  theme?: string;
  sector?: Sector;
  verdict?: Verdict;
}

export interface SearchRequest extends SearchFilters {
  query: string;
  page: number;
  pageSize: number;
  /** The reader's own region: its answers rank first. */
  ownRegion?: string;
}

/** A sector as results show it: its slug and its Dutch label. */
export interface SectorRef {
  slug: Sector;
  label: string;
}

export interface SearchResult {
  type: SearchType;
  slug: string;
  url: string;
  title: string;
  snippet: string;
  score: number;
  region?: string;
  regionName?: string;
  verdict?: Verdict;
  /** Which way the information goes (dilemmas and answers): who holds it, who asks for it. */
  holder?: SectorRef;
  asking?: SectorRef[];
}

export interface SearchResponse {
  query: string;
  total: number;
  results: SearchResult[];
  facets: Facets;
  /** How the matches were found: all words, all but one, any word, or with one typo allowed. */
  mode: "all" | "most" | "any" | "fuzzy" | "none";
  /** The sectors the query names, and which way it asks the information to go. */
  direction: QuestionDirection;
}

/** Records of the reader's region scoring at least this share of the best score rank above all others. */
const OWN_REGION_SHARE = 0.25;
const SYNONYM_BOOST = 0.6;
const FUZZY_BOOST = 0.3;
/** A filler word of a typed question ("vertellen", "vaak") weighs this much of a word. */
const FILLER_BOOST = 0.15;
/** Per side of a dilemma (holder, asking) that is a sector the query names, without a direction. */
const SECTOR_BOOST = 0.25;
/** Per side that is the sector the query puts there ("mag de huisarts aan school …"). */
const DIRECTION_BOOST = 0.5;
/** Per side that matches the other way round: the same sectors, information going back. */
const REVERSED_BOOST = 0.1;
/** A dilemma or answer with neither side where the query puts it, when the query gives a direction. */
const OTHER_DIRECTION = 0.75;
/** Below this many matches on exact words, one-letter typos are allowed too. */
const FEW_RESULTS = 3;
const MIN_FUZZY_LENGTH = 5;

/** A term looked up, how much its score counts, and the query word it stands for (for typos). */
interface Clause {
  term: string;
  boost: number;
  word: string;
  /** Filler words are searched but not marked in snippets. */
  highlight: boolean;
}

/** A word of the query and the phrases that may stand for it; each phrase as its stemmed terms. */
interface Concept {
  phrases: string[][];
  /**
   * A stop word that is also an abbreviation (`om` = Openbaar Ministerie) counts when found, but is
   * not required: "vraagt de huisarts om informatie" does not ask for the public prosecutor.
   */
  optional: boolean;
}

/** The query's concepts (a word with its synonyms) and the weighted terms they search for. */
function analyseQuery(words: string[], synonyms: SynonymIndex) {
  const clauses = new Map<string, Clause>();
  const concepts: Concept[] = [];
  const spans: { start: number; size: number }[] = [];
  for (const [original, ...alternatives] of queryConcepts(words, synonyms)) {
    const size = original!.split(" ").length;
    spans.push({ start: (spans.at(-1)?.start ?? 0) + (spans.at(-1)?.size ?? 0), size });
    const filler = FILLER_WORDS.has(original!);
    const phrases: string[][] = [];
    for (const [phrase, weight] of [[original!, 1] as const, ...alternatives.map((a) => [a, SYNONYM_BOOST] as const)]) {
      const kept = phrase.split(" ").filter((word) => !isStopWord(word));
      if (kept.length === 0) continue;
      const terms = kept.map(stem);
      phrases.push(terms);
      // A phrase of several words weighs as much as one word: "veilig thuis" should not outweigh "vt".
      terms.forEach((term, i) => {
        const clause = clauses.get(term) ?? { term, boost: 0, word: kept[i]!, highlight: false };
        clause.boost += ((filler ? FILLER_BOOST : 1) * weight) / terms.length;
        clause.highlight ||= !filler;
        clauses.set(term, clause);
      });
    }
    if (phrases.length > 0) concepts.push({ phrases, optional: filler || original!.split(" ").every(isStopWord) });
  }
  const direction = readDirection(words, spans, synonyms.sectors ?? new Map());
  return { clauses: [...clauses.values()], concepts, direction };
}

/** Terms of the index one typo away from the clause's word or its stem (`radicaliserng` → `radicaliser`). */
function typoClauses(index: SearchIndex, clause: Clause): Clause[] {
  if (clause.term.length < MIN_FUZZY_LENGTH) return [];
  const candidates = new Set([clause.term, ...editNeighbours(clause.term)]);
  for (const neighbour of editNeighbours(clause.word)) candidates.add(stem(neighbour));
  return index
    .knownTerms([...candidates])
    .map((term) => ({ term, boost: clause.boost * FUZZY_BOOST, word: clause.word, highlight: clause.highlight }));
}

/**
 * The rows with every required concept ("all"), else the rows with any of the terms ("any"); with
 * `rowsOf` deciding what a term finds (itself, or itself and its typo neighbours).
 */
function matches(index: SearchIndex, required: Concept[], clauses: Clause[], rowsOf: (term: string) => RowSet) {
  const sets = required.map((concept) => unionAll(concept.phrases.map((terms) => intersectAll(terms.map(rowsOf)))));
  const all = intersectAll(sets);
  if (all.length >= FEW_RESULTS || (all.length > 0 && sets.length < 3))
    return { sets, hits: all, mode: "all" as SearchResponse["mode"] };
  // A longer question rarely has every word in one document: all words but one, before any word.
  if (sets.length >= 3) {
    const most = inAtLeast(sets, sets.length - 1);
    if (most.length > all.length) return { sets, hits: most, mode: "most" as SearchResponse["mode"] };
    if (all.length > 0) return { sets, hits: all, mode: "all" as SearchResponse["mode"] };
  }
  return { sets, hits: unionAll(clauses.map(({ term }) => rowsOf(term))), mode: "any" as SearchResponse["mode"] };
}

/** The rows (ascending) found in at least `count` of the sets. */
function inAtLeast(sets: RowSet[], count: number): RowSet {
  const seen = new Map<number, number>();
  for (const set of sets) for (let i = 0; i < set.length; i++) seen.set(set[i]!, (seen.get(set[i]!) ?? 0) + 1);
  const rows: number[] = [];
  for (const [row, n] of seen) if (n >= count) rows.push(row);
  return Int32Array.from(rows).sort();
}

/**
 * Raises each row's score for the sectors the query names: dilemmas and answers whose holder or asking
 * sector matches, more when they match the direction the query gives. Articles have no sides. One loop
 * over the columns, without a call per row: it runs over every match, and is fast before it is compiled.
 */
function applyDirection(index: SearchIndex, rows: RowSet, scores: Float64Array, direction: QuestionDirection) {
  if (direction.mentioned.length === 0) return;
  const holder = direction.holder ? sectorMask([direction.holder]) : 0;
  const asking = direction.asking ? sectorMask([direction.asking]) : 0;
  const named = sectorMask(direction.mentioned);
  const { holders, asking: askingColumn } = index.directions.columns();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const code = holders[row] ?? 0;
    if (code === 0) continue;
    const rowHolder = 1 << (code - 1);
    const rowAsking = askingColumn[row] ?? 0;
    let factor = 1;
    if (holder === 0 && asking === 0)
      factor = 1 + SECTOR_BOOST * (Number((rowHolder & named) !== 0) + Number((rowAsking & named) !== 0));
    else {
      if (holder !== 0)
        factor += rowHolder === holder ? DIRECTION_BOOST : (rowAsking & holder) !== 0 ? REVERSED_BOOST : 0;
      if (asking !== 0)
        factor += (rowAsking & asking) !== 0 ? DIRECTION_BOOST : rowHolder === asking ? REVERSED_BOOST : 0;
      // Neither side is a sector the question puts there: the information goes another way than asked.
      if (factor === 1) factor = OTHER_DIRECTION;
    }
    scores[i] = scores[i]! * factor;
  }
}

/** The reader's region first (PRODUCT.md): its records that match well rank above all others. */
function applyOwnRegion(index: SearchIndex, rows: RowSet, scores: Float64Array, region: string) {
  const { column, wanted } = index.facets.regionColumn(region);
  if (wanted === 0) return;
  let best = 0;
  for (let i = 0; i < scores.length; i++) best = Math.max(best, scores[i]!);
  const threshold = OWN_REGION_SHARE * best;
  for (let i = 0; i < rows.length; i++)
    if (column[rows[i]!] === wanted && scores[i]! >= threshold) scores[i] = scores[i]! + best;
}

/** Scores summed by row id; kept between searches (zeroed after use), as large as the highest row. */
let accumulator = new Float64Array(0);

/** Each row's score: the sum of its terms' bm25 scores, weighted by the clauses' boosts. */
function scoreRows(index: SearchIndex, rows: RowSet, clauses: Clause[]): Float64Array {
  if (accumulator.length <= index.maxRow) accumulator = new Float64Array(index.maxRow + 1024);
  const sums = accumulator;
  const lists = clauses.map(({ term }) => index.termList(term));
  clauses.forEach(({ boost }, c) => {
    const { rows: listed, scores } = lists[c]!;
    for (let j = 0; j < listed.length; j++) sums[listed[j]!] = sums[listed[j]!]! + boost * scores[j]!;
  });
  const result = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) result[i] = sums[rows[i]!]!;
  for (const { rows: listed } of lists) for (let j = 0; j < listed.length; j++) sums[listed[j]!] = 0;
  return result;
}

/**
 * The positions (into `rows`) of the best `count` rows, best first: higher score, then the earlier row.
 * A bounded heap, so a page of ten out of tens of thousands of matches needs no full sort.
 */
function topRows(rows: RowSet, scores: Float64Array, count: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && rows[a]! < rows[b]!);
  if (count <= 0) return [];
  if (count * 4 >= rows.length)
    return Array.from(rows.keys())
      .sort((a, b) => (better(a, b) ? -1 : 1))
      .slice(0, count);
  // A heap whose root is the worst of the best seen so far.
  const heap: number[] = [];
  const sink = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && better(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && better(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < rows.length; i++) {
    if (heap.length < count) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (!better(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      sink(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}

/** The body around the first matched word, with the matched words in it marked. */
function snippetOf(doc: ShownDoc, terms: Set<string>): string {
  const first = findTerms(doc.body, terms, 1);
  const window = snippetWindow(
    doc.body,
    first.map((word) => [word.start, word.length]),
  );
  return highlight(
    window.text,
    findTerms(window.text, terms).map((word) => [word.start, word.length]),
  );
}

const sectorRef = (slug: Sector): SectorRef => ({ slug, label: SECTOR_LABELS[slug] });

/** Searches the index; whatever the query, it answers and never throws. */
export function search(index: SearchIndex, synonyms: SynonymIndex, request: SearchRequest): SearchResponse {
  const words = queryWords(request.query);
  const { clauses, concepts, direction } = analyseQuery(words, synonyms);
  const empty: SearchResponse = {
    query: request.query,
    total: 0,
    results: [],
    facets: index.facets.count(new Int32Array(0)),
    mode: "none",
    direction,
  };
  if (clauses.length === 0) return empty;

  const required = concepts.some((c) => !c.optional) ? concepts.filter((c) => !c.optional) : concepts;
  const exact = matches(index, required, clauses, (term) => index.termList(term).rows);
  let { hits, mode } = exact;
  let active = clauses;
  // A word found nowhere is likely a typo; so are very few results.
  const unknownWord = exact.sets.some((rows) => rows.length === 0);
  if (hits.length < FEW_RESULTS || unknownWord) {
    const typos = new Map(clauses.map((clause) => [clause.term, typoClauses(index, clause)]));
    const fuzzy = matches(index, required, clauses, (term) =>
      unionAll([term, ...(typos.get(term) ?? []).map((t) => t.term)].map((t) => index.termList(t).rows)),
    );
    if (fuzzy.hits.length > hits.length || (unknownWord && fuzzy.mode === "all")) {
      hits = fuzzy.hits;
      mode = "fuzzy";
      active = [...clauses, ...[...typos.values()].flat()];
    }
  }
  if (hits.length === 0) return empty;

  const filtered = index.facets.filter(hits, request);
  const scores = scoreRows(index, filtered, active);
  applyDirection(index, filtered, scores, direction);
  if (request.ownRegion) applyOwnRegion(index, filtered, scores, request.ownRegion);
  const page = paginate(request.page, request.pageSize);
  const shown = page.slice(topRows(filtered, scores, Math.min(filtered.length, page.offset + page.limit)));
  const docs = index.storedDocs(shown.map((i) => filtered[i]!));
  const terms = new Set(active.filter((clause) => clause.highlight).map(({ term }) => term));
  return {
    query: request.query,
    total: filtered.length,
    facets: index.facets.count(filtered),
    mode,
    direction,
    results: shown.flatMap((i) => {
      const doc = docs.get(filtered[i]!);
      if (!doc) return [];
      return [
        {
          type: doc.type,
          slug: doc.slug,
          url: doc.url,
          title: doc.title,
          snippet: snippetOf(doc, terms),
          score: Math.round(scores[i]! * 1000) / 1000,
          ...(doc.region ? { region: doc.region, regionName: doc.regionName } : {}),
          ...(doc.verdict ? { verdict: doc.verdict } : {}),
          ...(doc.holder ? { holder: sectorRef(doc.holder), asking: (doc.asking ?? []).map(sectorRef) } : {}),
        },
      ];
    }),
  };
}
