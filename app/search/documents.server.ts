import { type Sector, SECTOR_LABELS, type Verdict, VERDICT_LABELS } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";
import { codePath, dilemmaAnswerPath, dilemmaPath } from "~/utils/paths";
import { markdownPlainText } from "./plain-text.server";

export type SearchType = "dilemma" | "answer" | "article";

/** What a result shows; kept beside the index because lunr returns only refs. */
export interface StoredDoc {
  type: SearchType;
  slug: string;
  url: string;
  title: string;
  /** The text snippets are cut from; the index's `body` field is this same text. */
  body: string;
  region?: string;
  regionName?: string;
  verdict?: Verdict;
  themes: string[];
  sectors: Sector[];
  /** Which way the information goes (dilemmas and their answers): the sector holding it and those asking. */
  holder?: Sector;
  asking?: Sector[];
}

export interface IndexedDoc extends StoredDoc {
  ref: string;
  question: string;
  tags: string;
  /** The dilemma a dilemma or answer document belongs to: a write to it re-indexes its documents. */
  dilemmaId: number | null;
}

const sectorsOf = (json: string | null) => (json ? (JSON.parse(json) as Sector[]) : []);
const list = (json: string | null) => (json ? (JSON.parse(json) as string[]) : []);

/**
 * Every public record as a search document: answered dilemmas, answers in force, code articles. With
 * `dilemmaIds`, only the documents of those dilemmas (an incremental update after a write).
 */
export function loadSearchDocuments(db: Db, dilemmaIds?: number[]): IndexedDoc[] {
  const only = dilemmaIds ? `and d.id in (select value from json_each(@ids))` : "";
  const onlyAnswers = dilemmaIds ? `where cv.dilemma_id in (select value from json_each(@ids))` : "";
  const params = dilemmaIds ? { ids: JSON.stringify(dilemmaIds) } : {};
  const themeLabels = new Map(
    (db.$client.prepare("select slug, label from themes").all() as { slug: string; label: string }[]).map((t) => [
      t.slug,
      t.label,
    ]),
  );
  const tagText = (themes: string[], sectors: Sector[], extra: string[] = []) =>
    [...themes.map((t) => themeLabels.get(t) ?? t), ...sectors.map((s) => SECTOR_LABELS[s]), ...extra].join(" ");

  const dilemmas = db.$client
    .prepare(
      `select d.id, d.slug, d.title, d.question, d.situation_md, d.holder_sector, r.slug as region, r.name as region_name,
        (select json_group_array(theme_slug) from dilemma_themes where dilemma_id = d.id) as themes,
        (select json_group_array(sector) from dilemma_asking_sectors where dilemma_id = d.id) as asking
       from dilemmas d join regions r on r.id = d.origin_region_id where d.status = 'answered' ${only}`,
    )
    .all(params) as {
    id: number;
    slug: string;
    title: string;
    question: string;
    situation_md: string;
    holder_sector: Sector;
    region: string;
    region_name: string;
    themes: string;
    asking: string;
  }[];
  const byId = new Map(dilemmas.map((d) => [d.id, d]));
  const docs: IndexedDoc[] = dilemmas.map((d) => {
    const themes = list(d.themes);
    const sectors = [...new Set([d.holder_sector, ...sectorsOf(d.asking)])];
    return {
      ref: `dilemma:${d.slug}`,
      dilemmaId: d.id,
      type: "dilemma",
      slug: d.slug,
      url: dilemmaPath(d.slug),
      title: d.title,
      question: d.question,
      body: markdownPlainText(d.situation_md),
      tags: tagText(themes, sectors),
      region: d.region,
      regionName: d.region_name,
      themes,
      sectors,
      holder: d.holder_sector,
      asking: sectorsOf(d.asking),
    };
  });

  const answers = db.$client
    .prepare(
      `select cv.dilemma_id, cv.verdict, r.slug as region, r.name as region_name, av.grounding_md, av.purpose_md,
        av.necessity_md, av.proportionality_md, av.agreement_md, av.conditions
       from current_answer_versions cv join answer_versions av on av.id = cv.id join regions r on r.id = cv.region_id ${onlyAnswers}`,
    )
    .all(params) as ({
    dilemma_id: number;
    verdict: Verdict;
    region: string;
    region_name: string;
    conditions: string;
  } & Record<string, string>)[];
  for (const a of answers) {
    const dilemma = byId.get(a.dilemma_id);
    if (!dilemma) continue;
    const themes = list(dilemma.themes);
    const sectors = [...new Set([dilemma.holder_sector, ...sectorsOf(dilemma.asking)])];
    // The agreement first: snippets then tend to show what was agreed.
    const sections = ["agreement_md", "grounding_md", "purpose_md", "necessity_md", "proportionality_md"].map((k) =>
      markdownPlainText(a[k]!),
    );
    docs.push({
      ref: `answer:${dilemma.slug}:${a.region}`,
      dilemmaId: dilemma.id,
      type: "answer",
      slug: dilemma.slug,
      url: dilemmaAnswerPath(dilemma.slug, a.region),
      title: `Afspraak ${a.region_name}: ${dilemma.title}`,
      question: dilemma.question,
      body: [...sections, ...list(a.conditions)].join(" "),
      tags: tagText(themes, sectors, [a.region_name, VERDICT_LABELS[a.verdict]]),
      region: a.region,
      regionName: a.region_name,
      verdict: a.verdict,
      themes,
      sectors,
      holder: dilemma.holder_sector,
      asking: sectorsOf(dilemma.asking),
    });
  }

  if (dilemmaIds) return docs;
  const articles = db.$client
    .prepare(
      `select c.slug as code, c.title as code_title, a.anchor, a.heading, a.body_md from articles a join codes c on c.id = a.code_id`,
    )
    .all() as { code: string; code_title: string; anchor: string; heading: string; body_md: string }[];
  for (const a of articles) {
    docs.push({
      ref: `article:${a.code}#${a.anchor}`,
      dilemmaId: null,
      type: "article",
      slug: `${a.code}#${a.anchor}`,
      url: codePath(a.code, { anchor: a.anchor }),
      title: `${a.code_title}, ${a.heading}`,
      question: a.code_title,
      body: markdownPlainText(a.body_md),
      tags: "",
      themes: [],
      sectors: [],
    });
  }
  return docs;
}
