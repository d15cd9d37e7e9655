import path from "node:path";

/** The curated library; CONTENT_DIR lets tests import a library of their own. */
export function contentRoot(): string {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}
