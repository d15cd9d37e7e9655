// A synthetic but Dutch library for benchmarks: sentences from the real content, recombined.
import { contentRoot } from "../app/content/content-root.server";
import { readContent } from "../app/content/read-content.server";
import { ROUTES, SECTORS, VERDICTS } from "../app/domain/vocabulary";
import type { Db } from "../db/client.server";

/** A small deterministic random generator, so every run generates the same library. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+/).filter((s) => s.length > 30);

/** Adds `count` answered dilemmas, each with answers of one to three regions, to a database holding content/. */
export function generateLibrary(db: Db, count: number, seed = 42) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const library = readContent(contentRoot());
  const situations = library.dilemmas.flatMap((d) => sentencesOf(d.situationMd));
  const questions = library.dilemmas.map((d) => d.question);
  const titles = library.dilemmas.map((d) => d.title);
  const weighing = library.answers.flatMap((a) =>
    a.versions.flatMap((v) => Object.values(v.sections).flatMap(sentencesOf)),
  );
  const regions = db.$client.prepare("select id from regions").all() as { id: number }[];
  const themes = (db.$client.prepare("select slug from themes").all() as { slug: string }[]).map((t) => t.slug);
  const text = (source: string[], n: number) => Array.from({ length: n }, () => pick(source)).join(" ");

  const insertDilemma = db.$client.prepare(
    `insert into dilemmas (slug, title, question, situation_md, holder_sector, origin_region_id, status, raised_on, origin)
     values (?, ?, ?, ?, ?, ?, 'answered', '2024-01-01', 'app') returning id`,
  );
  const insertTheme = db.$client.prepare("insert or ignore into dilemma_themes (dilemma_id, theme_slug) values (?, ?)");
  const insertSector = db.$client.prepare(
    "insert or ignore into dilemma_asking_sectors (dilemma_id, sector) values (?, ?)",
  );
  const insertAnswer = db.$client.prepare(
    "insert into answers (dilemma_id, region_id, origin) values (?, ?, 'app') returning id",
  );
  const insertVersion = db.$client.prepare(
    `insert into answer_versions (answer_id, version, verdict, route, grounding_md, purpose_md, necessity_md, proportionality_md,
      agreement_md, conditions, agreed_on, published_at, origin) values (?, 1, ?, ?, ?, ?, ?, ?, ?, '[]', '2024-06-01', '2024-06-01T12:00:00Z', 'app')`,
  );
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const { id } = insertDilemma.get(
        `synthetisch-${i}`,
        `${pick(titles)} (${i})`,
        pick(questions),
        text(situations, 8),
        pick(SECTORS),
        pick(regions).id,
      ) as { id: number };
      insertTheme.run(id, pick(themes));
      insertTheme.run(id, pick(themes));
      insertSector.run(id, pick(SECTORS));
      const answering = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(regions).id));
      for (const region of answering) {
        const answer = insertAnswer.get(id, region) as { id: number };
        insertVersion.run(
          answer.id,
          pick(VERDICTS),
          pick(ROUTES),
          text(weighing, 3),
          text(weighing, 2),
          text(weighing, 2),
          text(weighing, 3),
          text(weighing, 3),
        );
      }
    }
    db.$client
      .prepare(
        "insert into audit_log (action, target_type, target_id, summary) values ('bench.generate', 'library', 'synthetic', ?)",
      )
      .run(`${count} dilemma's`);
  })();
}
