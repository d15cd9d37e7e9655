/** Lowercase ASCII slug: accents folded, every other run of characters one hyphen. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Separators between an article's number and its title: "Artikel 8 — Beroepsgeheim". */
const TITLE_SEPARATOR = /\s+[—–]\s+|\s+-\s+|:\s+/;

/**
 * The anchor of a code's article, derived from its heading's first words:
 * `Artikel 8 — Beroepsgeheim` → `artikel-8`, `Art. 6 lid 1 sub e` → `art-6-lid-1-sub-e`.
 */
export function articleAnchor(heading: string): string {
  const [number] = heading.split(TITLE_SEPARATOR);
  return slugify(number ?? heading);
}

/** Splits a heading into the article's number and its title (empty when the heading has none). */
export function splitArticleHeading(heading: string): { number: string; title: string } {
  const match = TITLE_SEPARATOR.exec(heading);
  if (!match) return { number: heading.trim(), title: "" };
  return { number: heading.slice(0, match.index).trim(), title: heading.slice(match.index + match[0].length).trim() };
}

/** A reference to an article elsewhere in the library: `<code-slug>#<anchor>`. */
export function parseArticleRef(ref: string): { codeSlug: string; anchor: string } | null {
  const match = /^([a-z0-9-]+)#([a-z0-9-]+)$/.exec(ref);
  return match ? { codeSlug: match[1]!, anchor: match[2]! } : null;
}
