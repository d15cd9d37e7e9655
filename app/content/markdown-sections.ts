export interface MarkdownSection {
  heading: string;
  body: string;
}

/** Splits markdown at its level-2 headings (`## `): the text before the first one, then each section. */
export function splitSections(markdown: string): { intro: string; sections: MarkdownSection[] } {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const intro: string[] = [];
  const sections: { heading: string; lines: string[] }[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const heading = !inFence && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[1]!, lines: [] });
    else (sections.at(-1)?.lines ?? intro).push(line);
  }
  return {
    intro: intro.join("\n").trim(),
    sections: sections.map((s) => ({ heading: s.heading, body: s.lines.join("\n").trim() })),
  };
}
