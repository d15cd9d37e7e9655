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

/**
 * The index for the database as it is now. The first call loads the file on disk when it is current,
 * or builds one. When a write changed the data since, the current index keeps answering while a new
 * one is built after this request, so no request waits for a rebuild.
 */
export function getSearchIndex(db: Db): SearchIndex {
  const state = cache();
  const fingerprint = searchFingerprint(db);
  if (!state.current) {
    const file = searchIndexPath(getEnv().DATABASE_PATH);
    const loaded = loadSerialisedIndex(file);
    if (loaded?.fingerprint === fingerprint) state.current = loaded;
    else {
      state.current = buildSearchIndex(db);
      writeSearchIndexFile(file, state.current);
    }
  } else if (state.current.fingerprint !== fingerprint && !state.rebuilding) {
    state.rebuilding = true;
    setImmediate(() => {
      try {
        state.current = buildSearchIndex(db);
        writeSearchIndexFile(searchIndexPath(getEnv().DATABASE_PATH), state.current);
      } finally {
        state.rebuilding = false;
      }
    });
  }
  return state.current;
}
