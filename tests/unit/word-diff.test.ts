import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  compareLists,
  diffMarkdown,
  diffSideBySide,
  markdownParagraphs,
  normaliseCondition,
} from "~/compare/word-diff.server";
import { DiffText } from "~/components/diff-text";

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
const marked = (segments: { text: string; changed: boolean }[]) => segments.filter((s) => s.changed).map((s) => s.text);

describe("the word-level diff", () => {
  it("marks on each side the words the other side lacks, and keeps each text exactly as written", () => {
    const left = "In Zeeland delen we het verslag, met toestemming.";
    const right = "In Twente delen we het verslag niet, ook niet met toestemming.";
    const diff = diffSideBySide(left, right);
    expect(text(diff.left)).toBe(left);
    expect(text(diff.right)).toBe(right);
    expect(marked(diff.left)).toEqual(["Zeeland"]);
    expect(marked(diff.right)).toEqual(["Twente", "niet", "ook niet"]);
    // 7 words in common, of 8 and 11.
    expect(diff.similarity).toBeCloseTo((2 * 7) / 19);
  });

  it("calls equal texts equal, and a change of spacing no change", () => {
    expect(diffSideBySide("Gelijke tekst.", "Gelijke tekst.")).toEqual({
      left: [{ text: "Gelijke tekst.", changed: false }],
      right: [{ text: "Gelijke tekst.", changed: false }],
      similarity: 1,
    });
    const spacing = diffSideBySide("een  twee", "een twee");
    expect(marked(spacing.left)).toEqual([]);
    expect(marked(spacing.right)).toEqual([]);
    expect(diffSideBySide("", "").similarity).toBe(1);
    expect(diffSideBySide("iets", "").left).toEqual([{ text: "iets", changed: true }]);
  });

  it("compares markdown as the text a reader sees, paragraph by paragraph", () => {
    expect(markdownParagraphs("Een **vet** woord\nop twee regels.\n\nTweede <script>x</script>alinea.")).toBe(
      "Een vet woord op twee regels.\n\nTweede alinea.",
    );
    const diff = diffMarkdown("Delen *mag*.\n\nMet toestemming.", "Delen mag niet.\n\nMet toestemming.");
    expect(marked(diff.left)).toEqual([]);
    expect(marked(diff.right)).toEqual(["niet"]);
  });

  it("renders marked words so they read without colour and are announced to screen readers", () => {
    const html = renderToStaticMarkup(
      createElement(DiffText, {
        regionName: "Twente",
        segments: [
          { text: "Delen mag ", changed: false },
          { text: "niet <b>", changed: true },
        ],
      }),
    );
    expect(html).toBe(
      '<p class="utrecht-paragraph diff-text"><span>Delen mag </span><mark class="diff-text__only">' +
        '<span class="visually-hidden">[alleen Twente: </span>niet &lt;b&gt;<span class="visually-hidden">]</span></mark></p>',
    );
    expect(renderToStaticMarkup(createElement(DiffText, { regionName: "Twente", segments: [] }))).toContain(
      "(geen tekst)",
    );
  });
});

describe("comparing lists", () => {
  it("splits conditions into shared and own ones, ignoring case, spacing and a full stop", () => {
    const result = compareLists(
      ["Informeer de ouders.", "Leg vast wat je deelt", "Alleen de school"],
      ["leg vast  wat je deelt.", "Informeer de ouders", "Vraag toestemming"],
      normaliseCondition,
    );
    expect(result).toEqual({
      both: ["Informeer de ouders.", "Leg vast wat je deelt"],
      onlyLeft: ["Alleen de school"],
      onlyRight: ["Vraag toestemming"],
    });
  });
});
