/**
 * True while the search index is rebuilt behind the one that answers (a large change, built after the
 * request or in a worker): search answers may then miss the newest writes, and the page cache must not
 * keep them. Reads the search module's state; app/search/search-cache.server.ts keeps `rebuilding`
 * truthy exactly while that is so. Leaves app/search untouched while it is being rewritten.
 */
export function searchIndexLagging(): boolean {
  const store = globalThis as unknown as { __leertuinSingletons?: Map<string, unknown> };
  const state = store.__leertuinSingletons?.get("search-index") as { rebuilding?: unknown } | undefined;
  return Boolean(state?.rebuilding);
}
