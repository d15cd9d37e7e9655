import { openDatabase, type Db, type Executor, type Tx } from "../../db/client.server";

import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

export type { Db, Executor, Tx };

export function getDb(): Db {
  return singleton("db", () => openDatabase(getEnv().DATABASE_PATH));
}
