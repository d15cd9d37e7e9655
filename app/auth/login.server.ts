import { eq } from "drizzle-orm";

import { getDb } from "~/utils/db.server";
import * as t from "../../db/schema";
import { verifyNothing, verifyPassword } from "./password.server";

/** The user with this e-mail and password, or null; as slow for an unknown address as for a wrong password. */
export async function authenticate(email: string, password: string): Promise<{ id: number } | null> {
  const user = getDb()
    .select({ id: t.users.id, passwordHash: t.users.passwordHash })
    .from(t.users)
    .where(eq(t.users.email, email.trim().toLowerCase()))
    .get();
  if (!user) return verifyNothing(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? { id: user.id } : null;
}
