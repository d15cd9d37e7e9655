// npm start: builds what is missing or stale (scripts/build.mjs), then serves from the build on plain
// node. Cluster workers run this file too and go straight to serving.
import cluster from "node:cluster";

import { buildIfNeeded, SERVER_BUNDLE } from "./build.mjs";

if (cluster.isPrimary) {
  try {
    buildIfNeeded();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
await import(`../${SERVER_BUNDLE}`);
