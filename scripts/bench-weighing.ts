// The afwegingshulp's answer page data (matching regional answers, routes, articles) on a generated
// library: CPU and wall time per render, in-process. `npx tsx scripts/bench-weighing.ts [dilemmas]`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { WeighingAnswers } from "../app/domain/weighing-form";
import { buildWeighingView } from "../app/weighing/weighing-view.server";
import { openDatabase } from "../db/client.server";
import { generateLibrary } from "./generate-library";
import { prepareDatabase } from "./prepare-database";

const size = Number(process.argv[2] ?? 10_000);
const file = path.join(os.tmpdir(), `leertuin-bench-weighing-${size}.sqlite`);
if (!fs.existsSync(file)) {
  await prepareDatabase(file, { demo: true }, () => {});
  const db = openDatabase(file);
  generateLibrary(db, size);
  db.$client.close();
}
const db = openDatabase(file);

const CASES: Record<string, WeighingAnswers> = {
  "teacher, gut feeling": {
    sector: "onderwijs",
    beroepsgeheim: "gebruikelijk",
    vrager: "onderwijs",
    gegevens: ["veiligheid", "school"],
    leeftijd: "onder-12",
    toestemming: "niet-gevraagd",
    gevaar: "nee",
    thema: [],
  },
  "huisarts asked by Veilig Thuis": {
    sector: "huisarts",
    beroepsgeheim: "gebruikelijk",
    vrager: "veilig-thuis",
    gegevens: ["gezondheid", "veiligheid"],
    leeftijd: "volwassene",
    toestemming: "niet-zonder-gevaar",
    gevaar: "vermoeden",
    thema: [],
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const answered = db.$client.prepare("select count(*) from dilemmas where status = 'answered'").pluck().get();
console.log(`${answered} answered dilemmas; load average ${os.loadavg()[0]!.toFixed(1)}`);
for (const [name, answers] of Object.entries(CASES)) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    buildWeighingView(db, answers, "", "twente");
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
    wall.push(performance.now() - start);
  }
  console.log(
    `${name}: CPU median ${median(cpu).toFixed(1)} ms, wall median ${median(wall).toFixed(1)} ms (50 renders)`,
  );
}
