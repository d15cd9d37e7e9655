import type lunr from "lunr";

import type { Sector, Verdict } from "~/domain/vocabulary";

import type { SearchType, StoredDoc } from "./documents.server";
import { isStopWord } from "./lunr-dutch.server";
import { highlight, queryConcepts, queryWords, snippetWindow, type SynonymIndex } from "./query";
import type { SearchIndex } from "./search-index.server";

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
}

type FacetName = "type" | "region" | "theme" | "sector" | "verdict";
export type Facets = Record<FacetName, Record<string, number>>;

export interface SearchResponse {
  query: string;
  total: number;
  results: SearchResult[];
  facets: Facets;
  /** How the matches were found: all words, any word, or with one typo allowed. */
  mode: "all" | "any" | "fuzzy" | "none";
}

const OWN_REGION_BOOST = 1.5;
const SYNONYM_BOOST = 0.6;
const FUZZY_BOOST = 0.3;
/** Below this many matches on exact words, one-letter typos are allowed too. */
const FEW_RESULTS = 3;
const MIN_FUZZY_LENGTH = 5;

/** A word of the query and the phrases that may stand for it; each phrase as its stemmed terms. */
interface Concept {
  phrases: string[][];
}

/** The index's search pipeline (Dutch stemmer, accent folding); lunr's types leave it out. */
function searchPipeline(index: lunr.Index): lunr.Pipeline {
  return (index as unknown as { pipeline: lunr.Pipeline }).pipeline;
}

function concepts(index: lunr.Index, words: string[], synonyms: SynonymIndex) {
  const clauses: { term: string; boost: number }[] = [];
  const result: Concept[] = [];
  for (const [original, ...alternatives] of queryConcepts(words, synonyms)) {
    const phrases: string[][] = [];
    for (const [phrase, weight] of [[original!, 1] as const, ...alternatives.map((a) => [a, SYNONYM_BOOST] as const)]) {
      const terms = phrase
        .split(" ")
        .filter((word) => !isStopWord(word))
        .flatMap((word) => searchPipeline(index).runString(word));
      if (terms.length === 0) continue;
      phrases.push(terms);
      // A phrase of several words weighs as much as one word: "veilig thuis" should not outweigh "vt".
      for (const term of terms) clauses.push({ term, boost: weight / terms.length });
    }
    if (phrases.length > 0) result.push({ phrases });
  }
  return { clauses, concepts: result };
}

function runQuery(index: lunr.Index, clauses: { term: string; boost: number }[], fuzzy: boolean) {
  return index.query((q) => {
    for (const { term, boost } of clauses) {
      q.term(term, { boost, usePipeline: false });
      if (fuzzy && term.length >= MIN_FUZZY_LENGTH) q.term(term, { boost: boost * FUZZY_BOOST, usePipeline: false, editDistance: 1 });
    }
  });
}

function matchesConcept(hit: lunr.Index.Result, concept: Concept) {
  return concept.phrases.some((terms) => terms.every((term) => term in hit.matchData.metadata));
}

/** Every word of the query is found, itself or through a synonym whose words are all found. */
function matchesEveryConcept(hit: lunr.Index.Result, wanted: Concept[]) {
  return wanted.every((concept) => matchesConcept(hit, concept));
}

function passes(doc: StoredDoc, filters: SearchFilters) {
  return (
    (!filters.type || doc.type === filters.type) &&
    (!filters.region || doc.region === filters.region) &&
    (!filters.theme || doc.themes.includes(filters.theme)) &&
    (!filters.sector || doc.sectors.includes(filters.sector)) &&
    (!filters.verdict || doc.verdict === filters.verdict)
  );
}

function countFacets(docs: StoredDoc[]): Facets {
  const facets: Facets = { type: {}, region: {}, theme: {}, sector: {}, verdict: {} };
  const add = (facet: FacetName, value: string | undefined) => {
    if (value) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
  };
  for (const doc of docs) {
    add("type", doc.type);
    add("region", doc.region);
    add("verdict", doc.verdict);
    doc.themes.forEach((t) => add("theme", t));
    doc.sectors.forEach((s) => add("sector", s));
  }
  return facets;
}

/** Lunr's positions include punctuation stuck to a word ("Thuis."); mark only the word. */
function trimToWord(text: string, [start, length]: [number, number]): [number, number] {
  let end = start + length;
  while (end > start && !/[\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
  while (start < end && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
  return [start, end - start];
}

/** The matched positions in the body, else a plain opening of the body. */
function snippetOf(hit: lunr.Index.Result, doc: StoredDoc): string {
  const ranges: [number, number][] = [];
  for (const fields of Object.values(hit.matchData.metadata)) {
    const positions = (fields as Record<string, { position?: [number, number][] }>).body?.position ?? [];
    ranges.push(...positions.map((range) => trimToWord(doc.body, range)));
  }
  const window = snippetWindow(doc.body, ranges);
  return highlight(window.text, window.ranges);
}

/** Searches the index; whatever the query, it answers and never throws. */
export function search(searchIndex: SearchIndex, synonyms: SynonymIndex, request: SearchRequest): SearchResponse {
  const { index, store } = searchIndex;
  const words = queryWords(request.query);
  const { clauses, concepts: wanted } = concepts(index, words, synonyms);
  const empty: SearchResponse = { query: request.query, total: 0, results: [], facets: countFacets([]), mode: "none" };
  if (clauses.length === 0) return empty;

  let hits = runQuery(index, clauses, false);
  let mode: SearchResponse["mode"] = "any";
  const strict = hits.filter((hit) => matchesEveryConcept(hit, wanted));
  if (strict.length > 0) {
    hits = strict;
    mode = "all";
  }
  // A word found nowhere is likely a typo; so are very few results.
  const unknownWord = wanted.some((concept) => !hits.some((hit) => matchesConcept(hit, concept)));
  if (hits.length < FEW_RESULTS || unknownWord) {
    const fuzzy = runQuery(index, clauses, true);
    if (fuzzy.length > hits.length) {
      hits = fuzzy;
      mode = "fuzzy";
    }
  }
  if (hits.length === 0) return empty;

  const scored = hits
    .map((hit) => {
      const doc = store.get(hit.ref)!;
      const score = request.ownRegion && doc.region === request.ownRegion ? hit.score * OWN_REGION_BOOST : hit.score;
      return { hit, doc, score };
    })
    .sort((a, b) => b.score - a.score);
  const filtered = scored.filter(({ doc }) => passes(doc, request));
  const start = (request.page - 1) * request.pageSize;
  return {
    query: request.query,
    total: filtered.length,
    facets: countFacets(filtered.map(({ doc }) => doc)),
    mode,
    results: filtered.slice(start, start + request.pageSize).map(({ hit, doc, score }) => ({
      type: doc.type,
      slug: doc.slug,
      url: doc.url,
      title: doc.title,
      snippet: snippetOf(hit, doc),
      score: Math.round(score * 1000) / 1000,
      ...(doc.region ? { region: doc.region, regionName: doc.regionName } : {}),
      ...(doc.verdict ? { verdict: doc.verdict } : {}),
    })),
  };
}
