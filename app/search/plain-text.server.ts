import { Lexer, type Token, type Tokens } from "marked";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** Tokens after which words are separated; inline tokens (emphasis, links, code) join the words around them. */
const BLOCKS = new Set([
  "paragraph",
  "heading",
  "code",
  "table",
  "hr",
  "blockquote",
  "list",
  "list_item",
  "space",
  "html",
  "br",
]);

/** Raw HTML inside markdown: its text, without tags, scripts or styles. */
const htmlText = (html: string) => html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ");

/**
 * Markdown as the plain text search indexes and cuts snippets from. Marked's lexer alone, without
 * rendering and sanitising: the words of `markdownToText`, several times faster (index builds are mostly this).
 */
export function markdownPlainText(markdown: string): string {
  const parts: string[] = [];
  // Inline HTML comes as separate tokens: the text between <script> and </script> is skipped.
  let skipping: string | null = null;
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (skipping) {
        if (token.type === "html" && new RegExp(`</${skipping}\\s*>`, "i").test(token.text)) skipping = null;
        continue;
      }
      switch (token.type) {
        case "html": {
          parts.push(htmlText(token.text));
          const opened = /<(script|style)\b[^>]*>(?![\s\S]*<\/\1\s*>)/i.exec(token.text);
          if (opened) skipping = opened[1]!.toLowerCase();
          break;
        }
        case "image":
          break;
        case "list":
          for (const item of (token as Tokens.List).items) walk(item.tokens);
          break;
        case "table": {
          const table = token as Tokens.Table;
          for (const cell of [...table.header, ...table.rows.flat()]) {
            walk(cell.tokens);
            parts.push(" ");
          }
          break;
        }
        default:
          if ("tokens" in token && token.tokens && token.tokens.length > 0) walk(token.tokens);
          else if ("text" in token && typeof token.text === "string")
            parts.push(token.type === "escape" ? token.text : decodeEntities(token.text));
      }
      if (BLOCKS.has(token.type) || (token.type === "text" && "tokens" in token && token.tokens?.length))
        parts.push(" ");
    }
  };
  walk(Lexer.lex(markdown, { gfm: true }));
  return parts.join("").replace(/\s+/g, " ").trim();
}
