// What holds for the whole curated library in content/ (issue: the curated library).
import { beforeAll, describe, expect, it } from "vitest";

import { checkAnonymity } from "~/anonymity/anonymity";
import { type Library,readContent } from "~/content/read-content.server";
import { SECTORS } from "~/domain/vocabulary";

let library: Library;
beforeAll(() => {
  library = readContent("content");
});

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function allTexts(): { where: string; text: string }[] {
  return [
    ...library.regions.map((r) => ({ where: `regions/${r.slug}`, text: r.descriptionMd })),
    ...library.dilemmas.map((d) => ({ where: `dilemmas/${d.slug}`, text: [d.title, d.question, d.purpose, d.situationMd].join("\n") })),
    ...library.answers.flatMap((a) =>
      a.versions.map((v) => ({ where: v.file, text: [...Object.values(v.sections), ...v.conditions, v.agreedBy].join("\n") })),
    ),
  ];
}

describe("the curated library", () => {
  it("has the regions, codes, dilemmas and answers a learning garden needs", () => {
    expect(library.regions.length).toBeGreaterThanOrEqual(6);
    expect(library.regions.map((r) => r.slug)).toEqual(expect.arrayContaining(["zeeland", "twente"]));
    expect(library.codes.length).toBeGreaterThanOrEqual(10);
    expect(library.dilemmas.length).toBeGreaterThanOrEqual(45);
    expect(library.answers.length).toBeGreaterThanOrEqual(70);
  });

  it("gives every region its organisations, with the partners of a learning garden", () => {
    for (const region of library.regions) {
      const sectors = new Set(region.organisations.map((o) => o.sector));
      expect(region.organisations.filter((o) => o.sector === "gemeente").length, region.slug).toBeGreaterThanOrEqual(3);
      for (const partner of ["veilig-thuis", "politie", "onderwijs", "jeugdhulp"] as const) {
        expect(sectors.has(partner), `${region.slug} has ${partner}`).toBe(true);
      }
    }
  });

  it("covers every sector of the vocabulary in its dilemmas", () => {
    const used = new Set(library.dilemmas.flatMap((d) => [d.holder, ...d.asking]));
    expect(SECTORS.filter((s) => !used.has(s))).toEqual([]);
  });

  it("writes every dilemma as a question with a situation of 120–300 words", () => {
    for (const dilemma of library.dilemmas) {
      expect(dilemma.question, dilemma.slug).toMatch(/\?$/);
      const count = words(dilemma.situationMd);
      expect(count, `${dilemma.slug}: ${count} words`).toBeGreaterThanOrEqual(120);
      expect(count, `${dilemma.slug}: ${count} words`).toBeLessThanOrEqual(300);
    }
  });

  it("grounds every answer version in the law and in a code of conduct", () => {
    const kinds = new Map(library.codes.map((c) => [c.slug, c.kind]));
    for (const answer of library.answers) {
      for (const version of answer.versions) {
        const groundKinds = version.grounds.map((ref) => kinds.get(ref.split("#")[0]!));
        const codeKinds = version.codes.map((ref) => kinds.get(ref.split("#")[0]!));
        expect(groundKinds, `${version.file}: a legal ground`).toContain("wet");
        expect(codeKinds.some((k) => k === "beroepscode" || k === "richtlijn"), `${version.file}: a code article`).toBe(true);
      }
    }
  });

  it("has regions that answer the same dilemma, differ, adopt and revise", () => {
    const byDilemma = new Map<string, Library["answers"]>();
    for (const answer of library.answers) byDilemma.set(answer.dilemma, [...(byDilemma.get(answer.dilemma) ?? []), answer]);
    const shared = [...byDilemma.values()].filter((answers) => answers.length >= 2);
    const differing = shared.filter((answers) => new Set(answers.map((a) => a.versions.at(-1)!.verdict)).size > 1);
    const adoptions = library.answers.filter((a) => a.versions.some((v) => v.adoptedFrom));
    const revised = library.answers.filter((a) => a.versions.length >= 2);
    expect(shared.length).toBeGreaterThanOrEqual(18);
    expect(differing.length).toBeGreaterThanOrEqual(5);
    expect(adoptions.length).toBeGreaterThanOrEqual(8);
    expect(revised.length).toBeGreaterThanOrEqual(5);
  });

  it("answers every dilemma at least once", () => {
    const answered = new Set(library.answers.map((a) => a.dilemma));
    expect(library.dilemmas.filter((d) => !answered.has(d.slug)).map((d) => d.slug)).toEqual([]);
  });

  it("revises an answer in substance, not only in words", () => {
    for (const answer of library.answers.filter((a) => a.versions.length >= 2)) {
      const [previous, current] = answer.versions.slice(-2) as [Library["answers"][0]["versions"][0], Library["answers"][0]["versions"][0]];
      const changed =
        previous.verdict !== current.verdict ||
        previous.route !== current.route ||
        JSON.stringify(previous.conditions) !== JSON.stringify(current.conditions) ||
        JSON.stringify([...previous.grounds, ...previous.codes]) !== JSON.stringify([...current.grounds, ...current.codes]);
      expect(changed, `${current.file} differs from version ${previous.version} in verdict, route, conditions or citations`).toBe(true);
    }
  });

  it("contains nothing the anonymity guard blocks or warns about", () => {
    const findings = allTexts().flatMap(({ where, text }) => checkAnonymity(text).map((f) => `${where}: ${f.kind} "${f.text}"`));
    expect(findings).toEqual([]);
  });
});
