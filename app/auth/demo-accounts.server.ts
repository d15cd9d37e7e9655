import { count, eq } from "drizzle-orm";

import { recordAudit } from "~/audit/audit-log.server";
import { insertAccount } from "~/models/account.server";
import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";
import { hashPassword } from "./password.server";

export const DEMO_PASSWORD = "leertuin-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@leertuin.test", name: "Beheerder (demo)", profession: "platformbeheer", admin: true },
  {
    email: "begeleider.zeeland@leertuin.test",
    name: "Begeleider Zeeland (demo)",
    profession: "leertuinbegeleider",
    region: "zeeland",
    role: "facilitator",
    status: "active",
  },
  {
    email: "begeleider.twente@leertuin.test",
    name: "Begeleider Twente (demo)",
    profession: "leertuinbegeleider",
    region: "twente",
    role: "facilitator",
    status: "active",
  },
  {
    email: "lid.zeeland@leertuin.test",
    name: "Lid Zeeland (demo)",
    profession: "jeugdverpleegkundige",
    region: "zeeland",
    role: "member",
    status: "active",
  },
  {
    email: "lid.twente@leertuin.test",
    name: "Lid Twente (demo)",
    profession: "intern begeleider",
    region: "twente",
    role: "member",
    status: "active",
  },
  {
    email: "nieuw@leertuin.test",
    name: "Nieuw lid (demo)",
    profession: "wijkteammedewerker",
    region: "zeeland",
    role: "member",
    status: "pending",
  },
] as const;

/** On a database without users: the demo accounts, all with the password `leertuin-demo`. */
export async function seedDemoAccounts(db: Db): Promise<boolean> {
  if ((db.select({ n: count() }).from(t.users).get()?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const region =
        "region" in account ? tx.select().from(t.regions).where(eq(t.regions.slug, account.region)).get() : undefined;
      const organisation =
        region && tx.select().from(t.organisations).where(eq(t.organisations.regionId, region.id)).get();
      const userId = insertAccount(
        tx,
        {
          email: account.email,
          name: account.name,
          profession: account.profession,
          organisationId: organisation?.id ?? null,
          passwordHash,
          isAdmin: "admin" in account,
        },
        "demo-account",
      );
      if (region && "role" in account) {
        const membership = tx
          .insert(t.memberships)
          .values({ userId, regionId: region.id, role: account.role, status: account.status })
          .returning({ id: t.memberships.id })
          .get();
        recordAudit(tx, {
          actorId: null,
          action: "membership.create",
          targetType: "membership",
          targetId: membership.id,
          regionId: region.id,
          summary: `${account.role}, ${account.status}`,
        });
      }
    }
  });
  return true;
}
