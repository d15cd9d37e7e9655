import type { Sector } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";

export interface DilemmaDirection {
  holder: Sector;
  asking: Sector[];
}

/**
 * Who holds the information and who asks, for the dilemmas of a list or of search results, by slug:
 * one query, so a list shows which way each case goes.
 */
export function dilemmaDirections(db: Db, slugs: readonly string[]): Map<string, DilemmaDirection> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `select d.slug, d.holder_sector as holder,
         (select json_group_array(sector) from (select sector from dilemma_asking_sectors s
            where s.dilemma_id = d.id order by sector)) as asking
       from dilemmas d where d.slug in (select value from json_each(?))`,
    )
    .all(JSON.stringify(unique)) as { slug: string; holder: Sector; asking: string }[];
  return new Map(rows.map((r) => [r.slug, { holder: r.holder, asking: JSON.parse(r.asking) as Sector[] }]));
}
