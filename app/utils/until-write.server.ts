import { LRUCache } from "lru-cache";

import { generationReader } from "~/http/page-cache.server";
import { getDb } from "~/utils/db.server";

const generation = generationReader(() => getDb().$client);

/**
 * Values every reader of a page shares (a dilemma's answers as shown, their glossary terms), kept until
 * the database changes: the same generation as the page cache's (newest audit id, data_version, day),
 * read before the value is computed, so a write during the computation makes the value stale at once.
 * For what members see, which the page cache never keeps; the key must name all the value depends on.
 */
export function keptUntilWrite<V extends NonNullable<unknown>>(max: number) {
  const entries = new LRUCache<string, { generation: string; value: V }>({ max });
  return (key: string, compute: () => V): V => {
    const now = generation();
    const kept = entries.get(key);
    if (kept && kept.generation === now) return kept.value;
    const value = compute();
    entries.set(key, { generation: now, value });
    return value;
  };
}
