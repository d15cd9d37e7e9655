// Finds what could execute in HTML, as a browser's parser sees it (parse5 implements the HTML standard's
// parsing algorithm, entity decoding and foreign content included).
import type { DefaultTreeAdapterMap } from "parse5";
import { parse, parseFragment } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Elements that run code, load a document or change how the page's URLs and forms behave. */
const EXECUTABLE = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "meta",
  "link",
  "style",
  "svg",
  "math",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "template",
  "img",
  "video",
  "audio",
  "source",
  "portal",
]);
/** The page around user content legitimately has forms, the logo's SVG, links to stylesheets and meta tags. */
const EXECUTABLE_IN_PAGE = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "poster",
  "background",
  "cite",
  "data",
  "srcset",
  "ping",
  "codebase",
  "xlink:href",
  "lowsrc",
  "dynsrc",
]);

const isElement = (node: Node): node is Element => "tagName" in node;
const children = (node: Node): Node[] => [
  ...("childNodes" in node ? (node.childNodes as Node[]) : []),
  ...(isElement(node) && node.tagName === "template"
    ? ((node as DefaultTreeAdapterMap["template"]).content.childNodes as Node[])
    : []),
];

/** A URL as a browser resolves its scheme: entities are already decoded; tabs, newlines and controls are skipped. */
function dangerousScheme(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a browser skips here
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  return /^(javascript|vbscript|data|livescript):/.test(cleaned) || /(^|,\s*)(javascript|vbscript|data):/.test(cleaned);
}

function* walk(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  for (const child of children(node)) yield* walk(child);
}

function attributeFindings(element: Element): string[] {
  const found: string[] = [];
  for (const attr of element.attrs) {
    const name = (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
    if (name.startsWith("on")) found.push(`<${element.tagName} ${name}="${attr.value}">: event handler`);
    if (name === "srcdoc") found.push(`<${element.tagName} srcdoc>: a document in an attribute`);
    if (URL_ATTRIBUTES.has(name) && dangerousScheme(attr.value))
      found.push(`<${element.tagName} ${name}="${attr.value}">: executable URL`);
  }
  return found;
}

/** What could execute in sanitised user content (a fragment, as RichText puts it in the page). */
export function executableInFragment(html: string): string[] {
  const found: string[] = [];
  for (const element of walk(parseFragment(html) as Node)) {
    if (EXECUTABLE.has(element.tagName)) found.push(`<${element.tagName}> element`);
    if (element.attrs.some((a) => a.name === "style")) found.push(`<${element.tagName} style>: inline style`);
    found.push(...attributeFindings(element));
  }
  return found;
}

/**
 * What could execute in a whole page: event handlers and executable URLs anywhere, frames and objects,
 * a script without the response's CSP nonce, and anything executable inside the rich-text blocks
 * where user content goes.
 */
export function executableInPage(html: string): string[] {
  const found: string[] = [];
  for (const element of walk(parse(html) as Node)) {
    found.push(...attributeFindings(element));
    if (EXECUTABLE_IN_PAGE.has(element.tagName)) found.push(`<${element.tagName}> element in the page`);
    if (element.tagName === "script" && !element.attrs.some((a) => a.name === "nonce" && a.value.length >= 16))
      found.push("<script> without the page's nonce");
    const classes = element.attrs.find((a) => a.name === "class")?.value.split(/\s+/) ?? [];
    if (classes.includes("rich-text")) {
      for (const inner of walk(element)) {
        if (inner !== element && EXECUTABLE.has(inner.tagName)) found.push(`<${inner.tagName}> inside rich text`);
        if (inner.attrs.some((a) => a.name === "style")) found.push(`<${inner.tagName} style> inside rich text`);
      }
    }
  }
  return found;
}

/** How many rich-text blocks a page has: a check that found none checked nothing. */
export function richTextBlocks(html: string): number {
  let n = 0;
  for (const element of walk(parse(html) as Node))
    if (
      element.attrs
        .find((a) => a.name === "class")
        ?.value.split(/\s+/)
        .includes("rich-text")
    )
      n++;
  return n;
}
