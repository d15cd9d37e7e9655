// app/styles/site.css holds only the Utrecht components the markup uses: every utrecht-* block class in
// app/ is defined by a package the stylesheet imports, and every imported package defines one we use.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const site = fs.readFileSync("app/styles/site.css", "utf8");
const packages = [...site.matchAll(/@import "(@utrecht\/[^"]+)";/g)].map((m) => m[1]!);
const components = packages.filter((p) => p !== "@utrecht/design-tokens/dist/theme.css");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The BEM blocks of the utrecht-* classes in the markup; `utrecht-heading-${level}` stands for all six. */
function usedBlocks() {
  const blocks = new Set<string>();
  for (const file of sourceFiles("app"))
    for (const [name] of fs.readFileSync(file, "utf8").matchAll(/(?<![-\w])utrecht-[a-z0-9-]+/g)) {
      const block = name.replace(/--.*$/, "").replace(/__.*$/, "");
      if (block === "utrecht-heading-") for (let level = 1; level <= 6; level++) blocks.add(`utrecht-heading-${level}`);
      else blocks.add(block);
    }
  // The theme class carries the design tokens, which the stylesheet imports first.
  blocks.delete("utrecht-theme");
  return blocks;
}

/** The block classes a component package's rules start with (not those it only styles inside itself). */
function definedBlocks(pkg: string) {
  const css = fs.readFileSync(require.resolve(pkg), "utf8");
  return new Set([...css.matchAll(/(?:^|[},])\s*\.(utrecht-[a-z0-9-]+?)(?=[\s.,:{[)>+~]|__|--)/gm)].map((m) => m[1]!));
}

describe("the site stylesheet", () => {
  it("imports a package for every Utrecht component the markup uses", () => {
    const defined = new Set(components.flatMap((p) => [...definedBlocks(p)]));
    const used = usedBlocks();
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((block) => !defined.has(block))).toEqual([]);
  });

  it("imports no component package the markup does not use", () => {
    const used = usedBlocks();
    expect(components.filter((p) => ![...definedBlocks(p)].some((block) => used.has(block)))).toEqual([]);
  });

  it("starts with the design tokens and ends with Leertuin's own CSS, so ours wins the cascade", () => {
    expect(packages[0]).toBe("@utrecht/design-tokens/dist/theme.css");
    const imports = [...site.matchAll(/@import "([^"]+)";/g)].map((m) => m[1]!);
    expect(imports.slice(-3)).toEqual(["./app.css", "./reading.css", "./search-suggestions.css"]);
  });
});
