import { asc, eq } from "drizzle-orm";

import { diffMarkdown, type SideBySideDiff } from "~/compare/word-diff.server";
import type { Executor } from "~/utils/db.server";
import * as t from "../../db/schema";

export interface EditionArticle {
  anchor: string;
  heading: string;
  bodyMd: string;
}

/** A code's editions, oldest first, each with its articles in their order. */
export function listEditions(db: Executor, codeId: number) {
  const editions = db
    .select()
    .from(t.codeEditions)
    .where(eq(t.codeEditions.codeId, codeId))
    .orderBy(asc(t.codeEditions.effectiveFrom))
    .all();
  return editions.map((e) => ({
    ...e,
    articles: db
      .select({
        anchor: t.codeEditionArticles.anchor,
        heading: t.codeEditionArticles.heading,
        bodyMd: t.codeEditionArticles.bodyMd,
      })
      .from(t.codeEditionArticles)
      .where(eq(t.codeEditionArticles.editionId, e.id))
      .orderBy(asc(t.codeEditionArticles.position))
      .all(),
  }));
}

export type ArticleChange =
  { kind: "new" } | { kind: "changed"; diff: SideBySideDiff } | { kind: "removed"; previous: EditionArticle };

/** What an edition changed against the one before it, per anchor (unchanged articles are absent). */
export function changesAgainstPrevious(
  previous: EditionArticle[],
  current: EditionArticle[],
): Map<string, ArticleChange> {
  const out = new Map<string, ArticleChange>();
  const before = new Map(previous.map((a) => [a.anchor, a]));
  const now = new Set(current.map((a) => a.anchor));
  for (const article of current) {
    const old = before.get(article.anchor);
    if (!old) out.set(article.anchor, { kind: "new" });
    else if (old.bodyMd !== article.bodyMd || old.heading !== article.heading) {
      out.set(article.anchor, {
        kind: "changed",
        diff: diffMarkdown(`${old.heading}\n\n${old.bodyMd}`, `${article.heading}\n\n${article.bodyMd}`),
      });
    }
  }
  for (const old of previous) if (!now.has(old.anchor)) out.set(old.anchor, { kind: "removed", previous: old });
  return out;
}
