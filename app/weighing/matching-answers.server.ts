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
  const candidates = db.all<{
    id: number;
    slug: string;
    title: string;
    question: string;
    holder: Sector;
    asking: string;
    themes: string | null;
    ownAnswered: number;
  }>(sql`
    select d.id, d.slug, d.title, d.question, d.holder_sector as holder,
      (select group_concat(s.sector) from dilemma_asking_sectors s where s.dilemma_id = d.id) as asking,
      (select group_concat(t.theme_slug) from dilemma_themes t where t.dilemma_id = d.id) as themes,
      exists (select 1 from current_answer_versions c join regions r on r.id = c.region_id
              where c.dilemma_id = d.id and r.slug = ${ownRegion ?? ""}) as ownAnswered
    from dilemmas d
    where d.status = 'answered'
      and (d.holder_sector = ${input.sector}
           or exists (select 1 from dilemma_asking_sectors s where s.dilemma_id = d.id and s.sector = ${input.asker}))
      and exists (select 1 from current_answer_versions c where c.dilemma_id = d.id)`);
  const wanted = new Set(input.themes);
  const scored = candidates
    .map((d) => {
      const asking = d.asking.split(",") as Sector[];
      const sharedThemes = (d.themes ?? "").split(",").filter((t) => wanted.has(t));
      const holderMatches = d.holder === input.sector;
      const askerMatches = asking.includes(input.asker);
      const score = (holderMatches ? 2 : 0) + (askerMatches ? 2 : 0) + sharedThemes.length;
      return { ...d, asking, sharedThemes, holderMatches, askerMatches, score };
    })
    .filter((d) => (d.holderMatches && d.askerMatches) || d.sharedThemes.length > 0)
    .sort((a, b) => b.score - a.score || b.ownAnswered - a.ownAnswered || a.title.localeCompare(b.title, "nl"))
    .slice(0, MAX_DILEMMAS);
  if (scored.length === 0) return [];
  const answers = db.all<{
    dilemmaId: number;
    regionSlug: string;
    regionName: string;
    version: number;
    verdict: Verdict;
  }>(
    sql`select c.dilemma_id as dilemmaId, r.slug as regionSlug, r.name as regionName, c.version, c.verdict
        from current_answer_versions c join regions r on r.id = c.region_id
        where c.dilemma_id in (select value from json_each(${JSON.stringify(scored.map((d) => d.id))}))
        order by r.name`,
  );
  return scored.map((d) => ({
    slug: d.slug,
    title: d.title,
    question: d.question,
    holderSector: d.holder,
    askingSectors: d.asking,
    sharedThemes: d.sharedThemes,
    holderMatches: d.holderMatches,
    askerMatches: d.askerMatches,
    answers: answers
      .filter((a) => a.dilemmaId === d.id)
      .map(({ dilemmaId: _id, ...a }) => ({ ...a, own: a.regionSlug === ownRegion }))
      .sort((a, b) => Number(b.own) - Number(a.own)),
  }));
}
