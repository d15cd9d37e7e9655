import { asc } from "drizzle-orm";

import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

export function listThemes(db: Db) {
  return db.select().from(t.themes).orderBy(asc(t.themes.label)).all();
}

export function themeLabels(db: Db): Map<string, string> {
  return new Map(listThemes(db).map((theme) => [theme.slug, theme.label]));
}
