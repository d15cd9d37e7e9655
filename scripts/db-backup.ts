// npm run db:backup — an online backup of the database, safe while the server runs.
import { getEnv } from "../app/utils/env.server";
import { backupDatabase } from "../db/backup.server";

try {
  const env = getEnv();
  const result = await backupDatabase(env.DATABASE_PATH, { dir: env.BACKUP_DIR, keep: env.BACKUP_KEEP });
  console.log(
    `Backed up ${env.DATABASE_PATH} to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok) in ${result.milliseconds} ms.`,
  );
  if (result.removed.length > 0)
    console.log(
      `Removed ${result.removed.length} older backup(s), keeping the newest ${env.BACKUP_KEEP}: ${result.removed.join(", ")}`,
    );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
