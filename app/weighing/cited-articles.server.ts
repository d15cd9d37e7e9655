import { sql } from "drizzle-orm";

import type { ArticleRef } from "~/domain/weighing-rules";
import type { Db } from "~/utils/db.server";
import { codePath } from "~/utils/paths";

export interface CitedArticle {
  ref: ArticleRef;
  /** Where it is read: the code's page at the article's anchor. */
  path: string;
  /** "WGBO, Artikel 7:457 — Medisch beroepsgeheim" */
  label: string;
}

/** A code's short name: the abbreviation in its title, "(AVG)", or else the whole title. */
const shortName = (title: string) => /\(([^)]+)\)\s*$/.exec(title)?.[1] ?? title;

/** The cited articles with their codes' names and headings, in the order given; an unknown one keeps its reference. */
export function describeArticles(db: Db, refs: readonly ArticleRef[]): CitedArticle[] {
  if (refs.length === 0) return [];
  const rows = db.all<{ ref: string; title: string; heading: string }>(sql`
    select c.slug || '#' || a.anchor as ref, c.title, a.heading
    from articles a join codes c on c.id = a.code_id
    where c.slug || '#' || a.anchor in (select value from json_each(${JSON.stringify(refs)}))`);
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  return refs.map((ref) => {
    const [code, anchor] = ref.split("#") as [string, string];
    const row = byRef.get(ref);
    return {
      ref,
      path: codePath(code, { anchor }),
      label: row ? `${shortName(row.title)}, ${row.heading}` : ref,
    };
  });
}
