import { z } from "zod";

/**
 * TRUST_PROXY: whose word to take for the client's address. Unset or "false": nobody's (the socket's
 * address counts); a number: that many proxy hops of X-Forwarded-For; "fly": Fly.io's Fly-Client-IP;
 * otherwise a comma-separated list of proxy addresses or subnets as Express reads them (loopback, uniquelocal, CIDRs).
 */
const TrustProxySchema = z
  .string()
  .trim()
  .default("false")
  .transform((value, ctx) => {
    if (value === "" || value === "false" || value === "0") return { kind: "none" as const };
    if (value === "fly") return { kind: "fly" as const };
    if (/^[1-9]\d?$/.test(value)) return { kind: "hops" as const, hops: Number(value) };
    const list = value.split(",").map((part) => part.trim());
    const entry = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
    if (list.every((part) => entry.test(part))) return { kind: "list" as const, list };
    ctx.addIssue({
      code: "custom",
      message: 'expected "false", a number of hops, "fly", or a list of addresses/subnets (loopback, 10.0.0.0/8, …)',
    });
    return z.NEVER;
  });

/** PUBLIC_URL: the canonical origin, e.g. https://leertuin.nl (no path). */
const PublicUrlSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || !/^https?:$/.test(url.protocol)) {
      ctx.addIssue({ code: "custom", message: "expected an absolute http(s) URL such as https://leertuin.nl" });
      return z.NEVER;
    }
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "expected an origin only, without a path, query or credentials" });
      return z.NEVER;
    }
    return url.origin;
  });

/** SMTP_URL: where mail goes, e.g. smtp://user:pass@host:587 or smtps://host:465 (nodemailer reads the rest). */
const SmtpUrlSchema = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol) && new URL(value).hostname, {
    message: "expected smtp://user:pass@host:587 or smtps://user:pass@host:465",
  });

/** MAIL_FROM: an address, optionally with a name: `Leertuin <noreply@leertuin.nl>`. */
const MailFromSchema = z
  .string()
  .trim()
  .regex(/^(?:[^<>@\r\n]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: "expected an address such as noreply@leertuin.nl or Leertuin <noreply@leertuin.nl>",
  });

/** One key of TOTP_ENCRYPTION_KEYS: base64 of exactly 32 bytes, as `openssl rand -base64 32` prints it. */
const TOTP_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

/** The keys of a TOTP_ENCRYPTION_KEYS value (comma-separated), or null when one is not such a key. */
export function totpKeyList(value: string): string[] | null {
  const keys = value.split(",").map((key) => key.trim());
  return keys.every((key) => TOTP_KEY_PATTERN.test(key)) ? keys : null;
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_PATH: z.string().min(1).default("db/leertuin.sqlite"),
    /** Set to 0 on a real deployment: no demo accounts are created. */
    LEERTUIN_DEMO: z.enum(["0", "1"]).default("1"),
    /** The page cache for visitors (app/http/page-cache.server.ts): its size in MB; 0 switches it off. */
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /** Signs the session cookie; required in production without demo data (see session-secret.server.ts). */
    SESSION_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
    /** Encrypt the authenticator secrets (see totp-secret-box.server.ts); required in production without demo data. */
    TOTP_ENCRYPTION_KEYS: z
      .string()
      .refine((value) => totpKeyList(value) !== null, {
        message: "expected keys of 32 bytes in base64 (openssl rand -base64 32), comma-separated, the newest first",
      })
      .optional(),
    /** Failed log-ins per network address per 15 minutes. Keep the default; load tests raise it. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Account requests per network address per hour. */
    REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    POSTING_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
    /** `npm run db:backup`: where backups go and how many of the newest are kept. */
    BACKUP_DIR: z.string().min(1).default("db/backups"),
    BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
    /** LiteFS's `.primary` file (e.g. /litefs/.primary): while it exists this node is a read replica. */
    LITEFS_PRIMARY_FILE: z.string().min(1).optional(),
    /** The canonical origin for every absolute link (feeds, open data, reset links, mails); see public-origin.server.ts. */
    PUBLIC_URL: PublicUrlSchema.optional(),
    TRUST_PROXY: TrustProxySchema,
    /** Two-factor log-in for facilitators and admins: default on in production without demo accounts (see totpRequired). */
    REQUIRE_TOTP: z.enum(["0", "1"]).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** `/metrics` answers only with `Authorization: Bearer <METRICS_TOKEN>`; without a token it is off (404). */
    METRICS_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
    /** Worker processes on one port (node:cluster, app/http/cluster.server.ts); 1 serves from the process itself. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    /** On SIGTERM/SIGINT: how long requests in flight may take before the process exits anyway. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
    /** Unset: mail stays in the outbox and admins read it at /beheer/mail (app/mail/). */
    SMTP_URL: SmtpUrlSchema.optional(),
    /** Default (demo, development): Leertuin <noreply@leertuin.invalid>. */
    MAIL_FROM: MailFromSchema.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.LEERTUIN_DEMO === "0" && !env.PUBLIC_URL)
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message: "required in production without demo data: the address people use, e.g. https://leertuin.nl",
      });
    if (env.SMTP_URL && env.NODE_ENV === "production" && env.LEERTUIN_DEMO === "0" && !env.MAIL_FROM)
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: "required with SMTP_URL in production: the sender, e.g. Leertuin <noreply@leertuin.nl>",
      });
  });

export type Env = z.infer<typeof EnvSchema>;

/**
 * Whether facilitators and admins must use an authenticator app: REQUIRE_TOTP when set, else on for a
 * real deployment (production without demo accounts) and off in demo mode, where the demo accounts log
 * in with their password alone.
 */
export function totpRequired(env: Env = getEnv()): boolean {
  if (env.REQUIRE_TOTP) return env.REQUIRE_TOTP === "1";
  return env.NODE_ENV === "production" && env.LEERTUIN_DEMO === "0";
}

let cached: Env | undefined;

/** The validated environment; a bad value stops the process with a message that names it. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
