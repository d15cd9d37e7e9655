import { sql } from "drizzle-orm";

import type { Sector, Verdict } from "~/domain/vocabulary";
import type { WeighingInput } from "~/domain/weighing";
import type { InfoCategory } from "~/domain/weighing-options";
import type { Db } from "~/utils/db.server";

/** Themes that go with the information asked for, the danger and the situation: they rank the regional answers. */
const CATEGORY_THEMES: Record<InfoCategory, string[]> = {
  hulp: ["zorgcoordinatie", "casusoverleg", "multiprobleemgezinnen"],
  "soort-hulp": ["zorgcoordinatie", "casusoverleg", "multiprobleemgezinnen"],
  gezondheid: ["ggz", "verslaving", "verward-gedrag"],
  school: ["schoolverzuim", "passend-onderwijs"],
  veiligheid: ["signalen", "kindermishandeling", "huiselijk-geweld", "meldcode", "veiligheid"],
  strafrecht: ["strafrecht", "veiligheid"],
  financieel: ["schulden", "wonen"],
};

export function wantedThemes(input: WeighingInput, chosen: readonly string[]): string[] {
  const themes = new Set([...chosen, ...input.categories.flatMap((c) => CATEGORY_THEMES[c])]);
  if (input.danger !== "nee") for (const t of ["meldcode", "kindermishandeling", "huiselijk-geweld"]) themes.add(t);
  if (["12-15", "16-17"].includes(input.age) && input.consent !== "gegeven") themes.add("jongeren-toestemming");
  if (input.sector === input.asker) themes.add("overleg-collega");
  return [...themes];
}

export interface MatchingAnswer {
  regionSlug: string;
  regionName: string;
  version: number;
  verdict: Verdict;
  own: boolean;
}

export interface MatchingDilemma {
  slug: string;
  title: string;
  question: string;
  holderSector: Sector;
  askingSectors: Sector[];
  sharedThemes: string[];
  holderMatches: boolean;
  askerMatches: boolean;
  answers: MatchingAnswer[];
}

const MAX_DILEMMAS = 5;

/**
 * The answered dilemmas whose regional answers fit this weighing: same holder and asker first, then one
 * of the two with a shared theme; within equal fit the reader's region first. Each with its answers in force.
 */
export function findMatchingAnswers(
  db: Db,
  input: { sector: Sector; asker: Sector; themes: readonly string[] },
  ownRegion: string | null,
): MatchingDilemma[] {
  // Scored and cut to a handful in SQL, from indexes: at 10,000 dilemmas thousands share the holder or
  // the asker, and reading their rows (long situations) cost more than the rest of the page.
  const ranked = db.all<{ id: number }>(sql`
    with candidate(id) as (
      select id from dilemmas indexed by dilemmas_holder_sector where holder_sector = ${input.sector} and status = 'answered'
      union
      select s.dilemma_id from dilemma_asking_sectors s where s.sector = ${input.asker}
    ),
    scored as (
      select c.id,
        exists (select 1 from dilemmas d indexed by dilemmas_holder_sector
                where d.holder_sector = ${input.sector} and d.status = 'answered' and d.id = c.id) as holderMatches,
        exists (select 1 from dilemma_asking_sectors s where s.dilemma_id = c.id and s.sector = ${input.asker}) as askerMatches,
        (select count(*) from dilemma_themes t where t.dilemma_id = c.id
           and t.theme_slug in (select value from json_each(${JSON.stringify(input.themes)}))) as shared
      from candidate c
      where (select d.status from dilemmas d where d.id = c.id) = 'answered'
    )
    select s.id from scored s
    where ((s.holderMatches and s.askerMatches) or s.shared > 0)
      and exists (select 1 from answers a where a.dilemma_id = s.id and a.status = 'published'
                  and exists (select 1 from answer_versions v where v.answer_id = a.id and v.published_at is not null))
    order by 2 * s.holderMatches + 2 * s.askerMatches + s.shared desc,
      exists (select 1 from answers a join regions r on r.id = a.region_id
              where a.dilemma_id = s.id and r.slug = ${ownRegion ?? ""} and a.status = 'published') desc,
      s.id
    limit ${MAX_DILEMMAS}`);
  if (ranked.length === 0) return [];
  const ids = JSON.stringify(ranked.map((d) => d.id));
  const rows = db.all<{ id: number; slug: string; title: string; question: string; holder: Sector }>(
    sql`select id, slug, title, question, holder_sector as holder from dilemmas where id in (select value from json_each(${ids}))`,
  );
  const asking = db.all<{ dilemmaId: number; sector: Sector }>(
    sql`select dilemma_id as dilemmaId, sector from dilemma_asking_sectors where dilemma_id in (select value from json_each(${ids}))`,
  );
  const themes = db.all<{ dilemmaId: number; slug: string }>(
    sql`select dilemma_id as dilemmaId, theme_slug as slug from dilemma_themes where dilemma_id in (select value from json_each(${ids}))`,
  );
  const answers = db.all<{
    dilemmaId: number;
    regionSlug: string;
    regionName: string;
    version: number;
    verdict: Verdict;
  }>(
    sql`select c.dilemma_id as dilemmaId, r.slug as regionSlug, r.name as regionName, c.version, c.verdict
        from current_answer_versions c join regions r on r.id = c.region_id
        where c.dilemma_id in (select value from json_each(${ids}))
        order by r.name`,
  );
  const wanted = new Set(input.themes);
  return ranked.map(({ id }) => {
    const d = rows.find((r) => r.id === id)!;
    const askingSectors = asking.filter((a) => a.dilemmaId === d.id).map((a) => a.sector);
    return {
      slug: d.slug,
      title: d.title,
      question: d.question,
      holderSector: d.holder,
      askingSectors,
      sharedThemes: themes.filter((t) => t.dilemmaId === d.id && wanted.has(t.slug)).map((t) => t.slug),
      holderMatches: d.holder === input.sector,
      askerMatches: askingSectors.includes(input.asker),
      answers: answers
        .filter((a) => a.dilemmaId === d.id)
        .map(({ dilemmaId: _id, ...a }) => ({ ...a, own: a.regionSlug === ownRegion }))
        .sort((a, b) => Number(b.own) - Number(a.own)),
    };
  });
}
