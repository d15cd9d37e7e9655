import fs from "node:fs";

import { buildIfNeeded } from "../../scripts/build.mjs";
import { prepareDatabase } from "../../scripts/prepare-database";
import { BASE_DB, TMP_DIR } from "./paths";

export default async function setup() {
  buildIfNeeded();
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  await prepareDatabase(BASE_DB, { demo: true }, () => {});
  // One file, no WAL beside it: copies of it are complete databases.
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
