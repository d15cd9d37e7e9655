const BASE = "http://leertuin.invalid";

/**
 * Only a path inside Leertuin, or the fallback: a log-in link must not send people to another site.
 * Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so `/\t/evil.example`
 * means `//evil.example` to them; anything but printable ASCII is refused before that can matter, and a
 * line break or a non-Latin-1 character would make an invalid Location header besides.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !/^\/[\x21-\x7e]*$/.test(to)) return fallback;
  if (to.startsWith("//") || to.includes("\\")) return fallback;
  // Encoded control characters, backslashes or a leading second slash: a later decode must not make them real.
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(to) || /^\/(?:%2f|%5c)/i.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // The parsed path must be the same kind of path: "/./" tricks that collapse into "//" are refused too.
  return path.startsWith("//") ? fallback : path;
}
