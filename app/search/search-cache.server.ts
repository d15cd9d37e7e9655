import { getEnv } from "~/utils/env.server";
import type { Db } from "~/utils/db.server";
import { singleton } from "~/utils/singleton.server";

import {
  buildSearchIndex,
  loadSerialisedIndex,
  searchFingerprint,
  searchIndexPath,
  writeSearchIndexFile,
  type SearchIndex,
} from "./search-index.server";

interface Cache {
  current: SearchIndex | null;
  rebuilding: boolean;
}

const cache = () => singleton<Cache>("search-index", () => ({ current: null, rebuilding: false }));

/** A rebuild that took less than this runs inside the request, so a publish is found at once. */
const INLINE_REBUILD_MS = 1000;

/**
 * The index for the database as it is now. The first call loads the file on disk when it is current,
 * or builds one. When a write changed the data since, a small index is rebuilt at once; a large one
 * keeps answering while its successor is built after this request, so no request waits for long.
 */
export function getSearchIndex(db: Db): SearchIndex {
  const state = cache();
  const fingerprint = searchFingerprint(db);
  const file = searchIndexPath(getEnv().DATABASE_PATH);
  const rebuild = () => {
    state.current = buildSearchIndex(db);
    writeSearchIndexFile(file, state.current);
  };
  if (!state.current) {
    const loaded = loadSerialisedIndex(file);
    if (loaded?.fingerprint === fingerprint) state.current = loaded;
    else rebuild();
  } else if (state.current.fingerprint !== fingerprint) {
    if (state.current.buildMs < INLINE_REBUILD_MS) rebuild();
    else if (!state.rebuilding) {
      state.rebuilding = true;
      setImmediate(() => {
        try {
          rebuild();
        } finally {
          state.rebuilding = false;
        }
      });
    }
  }
  return state.current!;
}
