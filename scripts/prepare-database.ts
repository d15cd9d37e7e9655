import { performance } from "node:perf_hooks";

import { count } from "drizzle-orm";

import { seedDemoAccounts } from "../app/auth/demo-accounts.server";
import { resealTotpSecrets } from "../app/auth/totp.server";
import { contentRoot } from "../app/content/content-root.server";
import { importContent } from "../app/content/import-content.server";
import { platform } from "../app/content/platform.server";
import { readContent } from "../app/content/read-content.server";
import { applyRetention } from "../app/models/retention.server";
import { ensureSearchIndexFile } from "../app/search/search-cache.server";
import { migrateDatabase, openDatabase } from "../db/client.server";
import * as t from "../db/schema";

/**
 * Migrates the database, imports the curated library into an empty one, adds the demo accounts to a
 * database without users (unless demo is off), and makes the search index current.
 */
export async function prepareDatabase(
  file: string,
  options: { demo: boolean },
  log: (line: string) => void = console.log,
) {
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const sealed = resealTotpSecrets(db);
    if (sealed > 0) log(`Encrypted ${sealed} authenticator secrets with the first key of TOTP_ENCRYPTION_KEYS.`);
    const regions = db.select({ n: count() }).from(t.regions).get()?.n ?? 0;
    if (regions === 0) {
      const started = performance.now();
      const counts = importContent(db, readContent(contentRoot()));
      const summary = ["regions", "codes", "dilemmas", "answers"]
        .map((k) => `${counts[k]?.added ?? 0} ${k}`)
        .join(", ");
      log(
        `Imported the library into the empty database (${summary}) in ${Math.round(performance.now() - started)} ms.`,
      );
    }
    if (options.demo && (await seedDemoAccounts(db))) log("Created the demo accounts.");
    const removed = applyRetention(db, platform().retention.audit_log_days);
    if (removed.auditEntries + removed.sessions + removed.passwordResets > 0)
      log(
        `Retention: removed ${removed.auditEntries} audit entries, ${removed.sessions} expired sessions, ${removed.passwordResets} reset links.`,
      );
    const started = performance.now();
    if (ensureSearchIndexFile(db, file) === "built")
      log(`Built the search index in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    db.$client.close();
  }
}
