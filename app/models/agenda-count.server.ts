import type { Db } from "~/utils/db.server";

/** How many items wait on a region's agenda: proposals to decide on and open adoption suggestions. */
export function waitingOnAgenda(db: Db, regionId: number): number {
  const row = db.$client
    .prepare(
      `select (select count(*) from dilemmas where origin_region_id = @regionId and status = 'proposed')
            + (select count(*) from adoption_suggestions where region_id = @regionId and status = 'open') as n`,
    )
    .get({ regionId }) as { n: number };
  return row.n;
}
