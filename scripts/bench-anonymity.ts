// npm run bench:anonymity — how long the anonymity guard takes on 20 KB of text: real library prose, the
// labelled corpus (dense with personal data), and a pathological text of digits and capitals.
import { performance } from "node:perf_hooks";

import { checkAnonymity } from "../app/anonymity/anonymity";
import { contentRoot } from "../app/content/content-root.server";
import { readContent } from "../app/content/read-content.server";
import { CORPUS } from "../tests/anonymity/corpus";

const SIZE = 20_000;
const RUNS = 200;

function repeatTo(text: string, size: number) {
  return text.repeat(Math.ceil(size / text.length)).slice(0, size);
}

const library = readContent(contentRoot());
const texts = {
  "library prose": repeatTo(library.dilemmas.map((d) => d.situationMd).join("\n\n"), SIZE),
  "labelled corpus": repeatTo(CORPUS.map((entry) => entry.text).join("\n"), SIZE),
  "digits and capitals": repeatTo("06 12 34 56 7 NL91 ABNA 0417 Jansen De Vries A. B. 1234 AB 12-03-20 ", SIZE),
};

for (const [name, text] of Object.entries(texts)) {
  for (let i = 0; i < 20; i += 1) checkAnonymity(text);
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    findings = checkAnonymity(text).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2);
  console.log(
    `${name.padEnd(20)} ${text.length} chars, ${String(findings).padStart(4)} findings: median ${at(0.5)} ms, p95 ${at(0.95)} ms`,
  );
}
