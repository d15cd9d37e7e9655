// Random and hostile form input for the property tests (fast-check): values that break parsers, and
// forms made by mutating a valid one, so the fuzzing also gets past the first check.
import fc from "fast-check";

export type Form = Record<string, string | string[]>;

/** Strings that have broken parsers somewhere: empty, padded, control characters, numbers at the edges, injections. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\t\n",
  "\u0000",
  "\u200b",
  "\ufeff",
  "\u202e",
  "💥",
  "e\u0301",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "0",
  "-1",
  "1.5",
  "1e3",
  "1e308",
  "-0",
  "NaN",
  "Infinity",
  "0x10",
  " 12 ",
  "9007199254740993",
  "99999999999999999999",
  "__proto__",
  "constructor",
  "toString",
  "' OR 1=1 --",
  "'; drop table users; --",
  "\\",
  "%00",
  "%E0%A4%A",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "a".repeat(10_001),
  "🙂".repeat(3000),
  "\n".repeat(5000),
];

const FIELD_NOISE = [
  "__proto__",
  "constructor",
  "intent",
  "id",
  "",
  " ",
  "x".repeat(300),
  "redirectTo",
  "_data",
  "index",
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 1, arbitrary: fc.string({ minLength: 4000, maxLength: 9000 }) },
);

const value = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
);

type Mutation =
  | { op: "set"; field: string; value: string | string[] }
  | { op: "delete"; field: string }
  | { op: "add"; field: string; value: string | string[] };

/** A valid form with 0–3 fields changed to hostile values, removed, or added; 0 changes leaves it valid. */
export function mutatedForm(valid: Form, extraFields: readonly string[] = []) {
  const fields = [...Object.keys(valid), ...extraFields];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant("set" as const), field: fc.constantFrom(...fields), value }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), field: fc.constantFrom(...fields) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("add" as const),
        field: fc.oneof(fc.constantFrom(...FIELD_NOISE), fc.string({ maxLength: 20 })),
        value,
      }),
    },
  );
  return fc.array(mutation, { maxLength: 3 }).map((mutations) => {
    const form: Form = Object.fromEntries(Object.entries(valid));
    for (const m of mutations) {
      if (m.op === "delete") delete form[m.field];
      else
        Object.defineProperty(form, m.field, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
    return { form, mutations: mutations.length };
  });
}

/** A form as a browser encodes it: every value of a list as its own pair; lone surrogates become U+FFFD (USVString). */
export function encodeForm(form: Form): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, v] of Object.entries(form)) for (const item of [v].flat()) body.append(key, item);
  return body;
}

/**
 * The XSS corpus: script tags, event handlers, javascript: and data: URLs (with case, entity,
 * whitespace and control-character tricks), SVG and MathML, parser confusion, and markdown's own
 * link, image, reference and autolink forms.
 */
export const XSS_VECTORS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "</script><script>alert(1)</script>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "<img src=x onerror=alert(1)>",
  `<IMG SRC="javascript:alert('x');">`,
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">klik</text></a></svg>',
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">klik</a>',
  '<a href="JaVaScRiPt:alert(1)">klik</a>',
  '<a href="&#106;avascript:alert(1)">klik</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">klik</a>',
  '<a href="java&#x09;script:alert(1)">klik</a>',
  '<a href="java\tscript:alert(1)">klik</a>',
  '<a href=" javascript:alert(1)">klik</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
  '<a href="vbscript:msgbox(1)">klik</a>',
  '<a href="https://example.org" onclick="alert(1)">klik</a>',
  '<a href="https://example.org" style="position:fixed;inset:0">klik</a>',
  '<div style="background:url(javascript:alert(1))">tekst</div>',
  '<form action="javascript:alert(1)"><button>verstuur</button></form>',
  "<input onfocus=alert(1) autofocus>",
  "<details open ontoggle=alert(1)>",
  "<body onload=alert(1)>",
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "<style>@import 'javascript:alert(1)';</style>",
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<textarea><script>alert(1)</script></textarea>",
  "<xmp><script>alert(1)</script></xmp>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "[klik](javascript:alert(1))",
  "[klik](JAVASCRIPT:alert(1))",
  "[klik](javascript&#58;alert(1))",
  "[klik](&#106;avascript:alert(1))",
  "[klik](<javascript:alert(1)>)",
  "[klik](java\u0000script:alert(1))",
  "[klik][ref]\n\n[ref]: javascript:alert(1)",
  "![plaatje](javascript:alert(1))",
  "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '![x](https://example.org/x.png"onerror="alert(1))',
  '[x](https://example.org "titel\\" onmouseover=\\"alert(1)")',
  "<javascript:alert(1)>",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  '<a href="https://example.org">goed</a><a href=javascript:alert(1)>niet goed</a>',
];

/** Pieces the property test strings together into vectors of its own. */
export const XSS_FRAGMENTS = [
  "<",
  ">",
  "</",
  "/>",
  '"',
  "'",
  "`",
  "=",
  "&#",
  "&#x",
  ";",
  "&",
  "javascript:",
  "data:",
  "java\tscript:",
  "on",
  "error",
  "load",
  "alert(1)",
  "<a href=",
  "<img src=",
  "<svg",
  "<script",
  "](",
  "[",
  "]",
  "!",
  "(",
  ")",
  "\n\n",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  "xlink:href=",
  "style=",
  "\\",
];
