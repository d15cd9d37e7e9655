import { diffWordsWithSpace } from "diff";

import { markdownToText } from "~/utils/markdown.server";

/** A run of text on one side of a comparison; `changed` when the other side does not have it. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

export interface SideBySideDiff {
  left: DiffSegment[];
  right: DiffSegment[];
  /** Share of the words of both texts that they have in common (1 for two equal texts). */
  similarity: number;
}

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Markdown as plain text that keeps its paragraphs apart, so a diff reads like the text. */
export function markdownParagraphs(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map(markdownToText)
    .filter(Boolean)
    .join("\n\n");
}

function append(segments: DiffSegment[], text: string, changed: boolean) {
  if (!text) return;
  const last = segments.at(-1);
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

/** Adds a run; the spaces around a changed run are not part of the change (nor is a change of spacing alone). */
function push(segments: DiffSegment[], text: string, changed: boolean) {
  if (!changed) return append(segments, text, false);
  const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  append(segments, before!, false);
  append(segments, core!, true);
  append(segments, after!, false);
}

/**
 * A word-level comparison of two texts: the left text with the words only it has marked, and the right
 * text likewise. jsdiff's diffWordsWithSpace keeps spaces as tokens, so each side reads exactly as
 * written (diffWords would give the common runs the right side's spacing).
 */
export function diffSideBySide(left: string, right: string): SideBySideDiff {
  const result: SideBySideDiff = { left: [], right: [], similarity: 1 };
  let common = 0;
  for (const change of diffWordsWithSpace(left, right)) {
    if (change.added) push(result.right, change.value, true);
    else if (change.removed) push(result.left, change.value, true);
    else {
      push(result.left, change.value, false);
      push(result.right, change.value, false);
      common += countWords(change.value);
    }
  }
  const total = countWords(left) + countWords(right);
  result.similarity = total === 0 ? 1 : (2 * common) / total;
  return result;
}

/** Two markdown texts compared as plain text. */
export function diffMarkdown(left: string, right: string): SideBySideDiff {
  return diffSideBySide(markdownParagraphs(left), markdownParagraphs(right));
}

/** Items of two lists (conditions, citations) in both, only left and only right, in their own order. */
export function compareLists<T>(left: T[], right: T[], key: (item: T) => string) {
  const leftKeys = new Set(left.map(key));
  const rightKeys = new Set(right.map(key));
  return {
    both: left.filter((item) => rightKeys.has(key(item))),
    onlyLeft: left.filter((item) => !rightKeys.has(key(item))),
    onlyRight: right.filter((item) => !leftKeys.has(key(item))),
  };
}

/** Conditions match when they differ only in case, spacing or a closing full stop. */
export const normaliseCondition = (condition: string) =>
  condition
    .toLocaleLowerCase("nl-NL")
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
