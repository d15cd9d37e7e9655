import type { Sector } from "~/domain/vocabulary";
import { buildSectorTerms } from "./question";

/** The longest query we read; anything beyond is cut, so a pasted page cannot slow search down. */
export const MAX_QUERY_LENGTH = 200;

/** Lowercase, accents folded (`één` → `een`), so typing without accents finds the same. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * The words of a query, as plain terms. Lunr's own syntax (`: ~ ^ * + -` and quotes) is not
 * offered to users: every character that is not a letter or digit separates words.
 */
export function queryWords(raw: string): string[] {
  return foldText(raw.slice(0, MAX_QUERY_LENGTH))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 20);
}

export interface SynonymIndex {
  /** Each phrase (one or more words) to the index of its group. */
  phrases: Map<string, number>;
  groups: string[][];
  longest: number;
  /** Phrases that name a sector ("wijkcoach" → wijkteam), for the direction of a question. */
  sectors?: Map<string, Sector>;
}

export function buildSynonymIndex(groups: string[][]): SynonymIndex {
  const fold = (phrase: string) => queryWords(phrase).join(" ");
  const folded = groups.map((group) => group.map(fold).filter(Boolean));
  const phrases = new Map<string, number>();
  folded.forEach((group, i) => group.forEach((phrase) => phrases.set(phrase, i)));
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => p.split(" ").length));
  return { phrases, groups: folded, longest, sectors: buildSectorTerms(folded, fold) };
}

/**
 * Groups the query's words into concepts: each concept is what the person meant, with the words
 * that may stand for it. `vt melden` → [["vt", "veilig thuis", …], ["melden"]]. Multi-word
 * phrases ("veilig thuis") are recognised before single words.
 */
export function queryConcepts(words: string[], synonyms: SynonymIndex): string[][] {
  const concepts: string[][] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let size = Math.min(synonyms.longest, words.length - i); size >= 1; size--) {
      const phrase = words.slice(i, i + size).join(" ");
      const group = synonyms.phrases.get(phrase);
      if (group !== undefined) {
        concepts.push([phrase, ...synonyms.groups[group]!.filter((p) => p !== phrase)]);
        i += size;
        matched = true;
        break;
      }
    }
    if (!matched) {
      concepts.push([words[i]!]);
      i += 1;
    }
  }
  return concepts;
}

const EDIT_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Every string one edit away from `word`: a letter left out, added, replaced, or two neighbours
 * swapped. Typo tolerance looks these up among the index's terms.
 */
export function editNeighbours(word: string): Set<string> {
  const letters = [...new Set(EDIT_ALPHABET + word)];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    for (const letter of letters) out.add(head + letter + word.slice(i));
    if (i === word.length) break;
    const tail = word.slice(i + 1);
    out.add(head + tail);
    if (i + 1 < word.length) out.add(head + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of letters) out.add(head + letter + tail);
  }
  out.delete(word);
  return out;
}

/** Escapes text for HTML and wraps the given ranges in <mark>. */
export function highlight(text: string, ranges: [number, number][]): string {
  const escape = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let html = "";
  let at = 0;
  for (const [start, length] of sorted) {
    if (start < at) continue;
    html += escape(text.slice(at, start)) + "<mark>" + escape(text.slice(start, start + length)) + "</mark>";
    at = start + length;
  }
  return html + escape(text.slice(at));
}

/** A window of the text around the first highlighted range, cut at word boundaries. */
export function snippetWindow(
  text: string,
  ranges: [number, number][],
  size = 220,
): { text: string; ranges: [number, number][] } {
  if (text.length <= size) return { text, ranges };
  const first = ranges.length ? Math.min(...ranges.map((r) => r[0])) : 0;
  let start = Math.max(0, first - Math.floor(size / 4));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + size);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const prefix = start > 0 ? "… " : "";
  const suffix = end < text.length ? " …" : "";
  const shifted = ranges
    .filter(([s, l]) => s >= start && s + l <= end)
    .map(([s, l]) => [s - start + prefix.length, l] as [number, number]);
  return { text: prefix + text.slice(start, end) + suffix, ranges: shifted };
}
