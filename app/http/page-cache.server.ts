import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";

import type Database from "better-sqlite3";
import fresh from "fresh";
import { LRUCache } from "lru-cache";

import { todayIso } from "~/utils/dates";
import { isTokenPath } from "./cache-policy.server";
import { hasReaderRegionCookie, hasSessionCookie } from "./cookie-names";

// The page cache: a visitor's GET is the same for everyone until the next write, so its first render is
// kept and sent again with a strong ETag, before Express is entered. Why the generation and the kept CSP
// nonce are safe: README, "Performance".

/** Revalidate every time (a 304 costs little); no-transform: the strong ETag names these exact bytes. */
export const CACHE_CONTROL = "public, max-age=0, must-revalidate, no-transform";
const CACHEABLE_TYPES = /^(text\/html|application\/json|application\/atom\+xml|text\/csv)\b/i;
/** Headers that belong to one transfer, or that the cache sets itself. */
const NOT_KEPT = new Set([
  "cache-control",
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "etag",
  "keep-alive",
  "set-cookie",
  "transfer-encoding",
  "vary",
]);
/** Smaller bodies are not worth compressing (the compression middleware's threshold). */
const GZIP_FROM_BYTES = 1024;

/** One encoding of an entry, with its whole header list made once: a hit only writes it. */
interface Variant {
  body: Buffer;
  etag: string;
  /** Flat [name, value, …] for a 200 (its length aside), and for a 304. */
  head: string[];
  notModifiedHead: string[];
}

interface Entry {
  generation: string;
  identity: Variant;
  gzip: Variant | null;
}

interface Pending {
  key: string;
  generation: string;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  stored: number;
  entries: number;
  bytes: number;
}

export interface PageCache {
  /** Sends a visitor's GET from the cache when its entry is current (true); otherwise notes what to store (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * Offered every Remix response: a visitor's 200 of a page, JSON, feed or CSV without Set-Cookie or
   * no-store is kept and sent from the copy (true). Anything else is left to the caller to send (false).
   */
  store(req: IncomingMessage, res: ServerResponse, response: Response): Promise<boolean>;
  stats(): PageCacheStats;
}

const strongTag = (body: Buffer, suffix = "") =>
  `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}${suffix}"`;

/**
 * The generation in one statement: the newest audit id sees every write, also another process's;
 * data_version sees other connections' commits without an audit entry. Exported for the benchmark.
 */
export const GENERATION_SQL =
  "select coalesce((select max(id) from audit_log), 0) || '.' || (select data_version from pragma_data_version())";

/**
 * The connection, the newest audit-log id, the data version and today's date; a statement per connection.
 * Also keys the data kept per generation (app/utils/until-write.server.ts).
 */
export function generationReader(sqlite: () => Database.Database) {
  const statements = new WeakMap<Database.Database, { statement: Database.Statement; id: string }>();
  return () => {
    const connection = sqlite();
    let prepared = statements.get(connection);
    if (!prepared) {
      prepared = { statement: connection.prepare(GENERATION_SQL).pluck(), id: crypto.randomUUID() };
      statements.set(connection, prepared);
    }
    return `${prepared.id}.${prepared.statement.get() as string}.${todayIso()}`;
  };
}

/**
 * A visitor's GET (no session or region cookie, no credentials, no secret in the address) is a
 * candidate; its key is the path and query alone. No page depends on the Host or X-Forwarded-* headers
 * (absolute links come from PUBLIC_URL), so a client cannot plant a page for others or fill the cache
 * through them.
 */
function candidateKey(req: IncomingMessage): string | null {
  if (req.method !== "GET") return null;
  if (req.headers.authorization) return null;
  const cookie = req.headers.cookie;
  if (hasSessionCookie(cookie) || hasReaderRegionCookie(cookie) || isTokenPath(req.url)) return null;
  return req.url ?? null;
}

/**
 * Whether the client takes gzip over the plain bytes: gzip (or `*`) with a quality above 0, and not
 * below an explicit quality for identity. A browser's "gzip, deflate, br" says yes.
 */
export function prefersGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    quality.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const gzip = quality.get("gzip") ?? quality.get("*") ?? 0;
  return gzip > 0 && gzip >= (quality.get("identity") ?? 0);
}

function variant(headers: string[], body: Buffer, etag: string, encoding: "gzip" | null): Variant {
  // Vary: Cookie tells a shared cache in front that a member's request gets another page.
  const common = [...headers, "Cache-Control", CACHE_CONTROL, "Vary", "Accept-Encoding, Cookie", "ETag", etag];
  return {
    body,
    etag,
    head: encoding ? [...common, "Content-Encoding", encoding] : common,
    notModifiedHead: common,
  };
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry) {
  const chosen = entry.gzip && prefersGzip(req.headers["accept-encoding"]) ? entry.gzip : entry.identity;
  if (req.headers["if-none-match"] && fresh(req.headers, { etag: chosen.etag })) {
    res.writeHead(304, chosen.notModifiedHead);
    res.end();
    return;
  }
  // Set apart, so an access log can read it.
  res.setHeader("Content-Length", chosen.body.length);
  res.writeHead(200, chosen.head);
  res.end(chosen.body);
}

export interface PageCacheOptions {
  maxBytes: number;
  sqlite: () => Database.Database;
  /** True while some answers may lag behind the database (a search index being rebuilt): nothing is kept then. */
  lagging?: () => boolean;
  /** Called after a response was sent from the cache (a 200 or a 304), e.g. to log it. */
  onHit?: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes,
    sizeCalculation: (entry) => entry.identity.body.length + (entry.gzip?.body.length ?? 0) + 2048,
  });
  const generation = generationReader(options.sqlite);
  const pending = new WeakMap<IncomingMessage, Pending>();
  const counts = { hits: 0, misses: 0, stored: 0 };

  return {
    serve(req, res) {
      const key = candidateKey(req);
      if (key === null) return false;
      const now = generation();
      const entry = entries.get(key);
      if (entry && entry.generation === now) {
        counts.hits++;
        send(req, res, entry);
        options.onHit?.(req, res);
        return true;
      }
      if (entry) entries.delete(key);
      counts.misses++;
      pending.set(req, { key, generation: now });
      return false;
    },

    async store(req, res, response) {
      const wanted = pending.get(req);
      if (!wanted || response.status !== 200 || !response.body || options.lagging?.()) return false;
      const headers = response.headers;
      if (headers.has("set-cookie") || /no-store|private/i.test(headers.get("cache-control") ?? "")) return false;
      if (!CACHEABLE_TYPES.test(headers.get("content-type") ?? "")) return false;
      const body = Buffer.from(await response.arrayBuffer());
      const kept = new Map<string, string | number | string[]>();
      for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined) kept.set(name, value);
      for (const [name, value] of headers) kept.set(name, value);
      // Headers set so far (helmet's) go into the entry's list; writeHead then takes that list alone.
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      const flat = [...kept]
        .filter(([name]) => !NOT_KEPT.has(name))
        .flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)]));
      const gzip = body.length >= GZIP_FROM_BYTES ? zlib.gzipSync(body) : null;
      const entry: Entry = {
        generation: wanted.generation,
        identity: variant(flat, body, strongTag(body), null),
        gzip: gzip && variant(flat, gzip, strongTag(body, "-gzip"), "gzip"),
      };
      entries.set(wanted.key, entry);
      counts.stored++;
      send(req, res, entry);
      return true;
    },

    stats: () => ({ ...counts, entries: entries.size, bytes: entries.calculatedSize }),
  };
}
