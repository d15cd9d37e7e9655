// npm run db:restore -- <backup file> — replaces the database with a checked backup; refuses while a server holds it.
import { getEnv } from "../app/utils/env.server";
import { restoreDatabase } from "../db/backup.server";

const backup = process.argv[2];
if (!backup || process.argv.length > 3) {
  console.error("Usage: npm run db:restore -- <backup file>   (DATABASE_PATH names the database to replace)");
  process.exit(2);
}
try {
  const env = getEnv();
  const { keptAs } = restoreDatabase(backup, env.DATABASE_PATH);
  console.log(`Restored ${env.DATABASE_PATH} from ${backup} (integrity ok).`);
  if (keptAs) console.log(`The database it replaced is kept as ${keptAs}; remove it when the restore is confirmed.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
