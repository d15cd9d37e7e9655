import { openDatabase, type Db } from "../../db/client.server";

import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

export type { Db };

export function getDb(): Db {
  return singleton("db", () => openDatabase(getEnv().DATABASE_PATH));
}
