// npm run user:create -- --email <address> --name "<name>" [--admin]
// Creates an account with a generated password (printed once). For the first admin of a deployment
// that runs without demo accounts (LEERTUIN_DEMO=0).
import crypto from "node:crypto";
import { parseArgs } from "node:util";

import { z } from "zod";

import { hashPassword } from "../app/auth/password.server";
import { passwordProblem } from "../app/auth/password-strength.server";
import { insertAccount } from "../app/models/account.server";
import { getEnv } from "../app/utils/env.server";
import { migrateDatabase, openDatabase } from "../db/client.server";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, admin: { type: "boolean", default: false } },
});
const parsed = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(2).max(120),
    admin: z.boolean(),
  })
  .safeParse(values);
if (!parsed.success) {
  console.error('Usage: npm run user:create -- --email <address> --name "<name>" [--admin]');
  console.error(parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(1);
}

const db = openDatabase(getEnv().DATABASE_PATH);
try {
  migrateDatabase(db);
  // 120 random bits always pass the rules; checked anyway, like every other password that is set.
  let password = crypto.randomBytes(15).toString("base64url");
  while (await passwordProblem(password, parsed.data)) password = crypto.randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    insertAccount(
      tx,
      { email: parsed.data.email, name: parsed.data.name, passwordHash, isAdmin: parsed.data.admin },
      parsed.data.admin ? "admin, via de opdrachtregel" : "via de opdrachtregel",
    );
  });
  console.log(`Created ${parsed.data.admin ? "admin " : ""}${parsed.data.email}. Password (shown once): ${password}`);
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(
    code === "SQLITE_CONSTRAINT_UNIQUE" ? `An account for ${parsed.data.email} exists already.` : String(error),
  );
  process.exitCode = 1;
} finally {
  db.$client.close();
}
