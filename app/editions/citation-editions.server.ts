import { eq, inArray } from "drizzle-orm";

import { ALWAYS, editionInForce, newerEditions } from "~/editions/edition-in-force";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export interface CitedEdition {
  /** The edition in force on the agreed date (null: the code has one undated text). */
  edition: { label: string; effectiveFrom: string } | null;
  /** Whether that edition is the code's newest: then the citation links to the code page itself. */
  isNewest: boolean;
  /** The newest edition that took effect after the agreed date, if any. */
  newer: { label: string; effectiveFrom: string } | null;
}

/** Per code slug, its dated editions: what a citation of an answer agreed on a date resolves to. */
export function editionsByCode(db: Db, codeSlugs: string[]) {
  const out = new Map<string, { label: string; effectiveFrom: string }[]>();
  if (codeSlugs.length === 0) return out;
  const rows = db
    .select({ slug: t.codes.slug, label: t.codeEditions.label, effectiveFrom: t.codeEditions.effectiveFrom })
    .from(t.codeEditions)
    .innerJoin(t.codes, eq(t.codes.id, t.codeEditions.codeId))
    .where(inArray(t.codes.slug, [...new Set(codeSlugs)]))
    .all();
  for (const r of rows)
    out.set(r.slug, [...(out.get(r.slug) ?? []), { label: r.label, effectiveFrom: r.effectiveFrom }]);
  return out;
}

export function citedEdition(
  editions: { label: string; effectiveFrom: string }[] | undefined,
  agreedOn: string,
): CitedEdition {
  if (!editions || editions.length === 0) return { edition: null, isNewest: true, newer: null };
  const inForce = editionInForce(editions, agreedOn);
  const newer = newerEditions(editions, agreedOn).at(-1) ?? null;
  return { edition: inForce && inForce.effectiveFrom !== ALWAYS ? inForce : null, isNewest: newer === null, newer };
}
