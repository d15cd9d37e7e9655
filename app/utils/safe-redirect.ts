const BASE = "http://leertuin.invalid";

/**
 * Only a path inside Leertuin, or the fallback: a log-in link must not send people to another site.
 * Only printable ASCII: browsers drop tabs and read `\` as `/`, so `/\t/evil.example` is `//evil.example`.
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
