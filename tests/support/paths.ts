import path from "node:path";

export const TMP_DIR = path.resolve("tests/.tmp");
/** Migrated and filled with content/ once per run; each test copies it. */
export const BASE_DB = path.join(TMP_DIR, "base.sqlite");
export const FIXTURE_CONTENT = path.resolve("tests/fixtures/content");
