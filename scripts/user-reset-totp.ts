// npm run user:reset-totp -- --email <address>
// For a member who lost both the authenticator app and the recovery codes: removes the second factor and
// ends every session of the account. Check who asks (in person, or by a call back) before running it.
import { parseArgs } from "node:util";

import { z } from "zod";

import { resetSecondFactor } from "../app/auth/totp.server";
import { getEnv } from "../app/utils/env.server";
import { migrateDatabase, openDatabase } from "../db/client.server";

const { values } = parseArgs({ options: { email: { type: "string" } } });
const parsed = z.object({ email: z.string().trim().toLowerCase().email() }).safeParse(values);
if (!parsed.success) {
  console.error("Usage: npm run user:reset-totp -- --email <address>");
  process.exit(1);
}

const db = openDatabase(getEnv().DATABASE_PATH);
try {
  migrateDatabase(db);
  const user = db.$client.prepare("select id from users where email = ?").get(parsed.data.email) as
    { id: number } | undefined;
  if (!user) {
    console.error(`There is no account for ${parsed.data.email}.`);
    process.exitCode = 1;
  } else if (!resetSecondFactor(db, user.id)) {
    console.error(`${parsed.data.email} has no second factor; nothing changed.`);
    process.exitCode = 1;
  } else {
    console.log(
      `Removed the second factor of ${parsed.data.email} and ended its sessions. At the next log-in the account ` +
        "sets up a new one (a facilitator or admin is sent there under REQUIRE_TOTP).",
    );
  }
} finally {
  db.$client.close();
}
