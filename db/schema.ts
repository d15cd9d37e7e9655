import { type SQL, sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  sqliteView,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import type { UnverifiedPoint } from "../app/domain/vocabulary";
import {
  ANSWER_STATUSES,
  ARTICLE_CHANGES,
  CITATION_KINDS,
  CODE_KINDS,
  DILEMMA_STATUSES,
  MAIL_KINDS,
  MAIL_PREFERENCES,
  MAIL_STATUSES,
  MEMBERSHIP_ROLES,
  MEMBERSHIP_STATUSES,
  NOTIFICATION_KINDS,
  ORIGINS,
  ROUTES,
  SECTORS,
  SUGGESTION_STATUSES,
  VERDICTS,
} from "../app/domain/vocabulary";

function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  return sql`${column} in (${sql.raw(list)})`;
}

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);
/** Whether a record came from the curated library in content/ or was made by people in the app. */
const origin = () => text("origin", { enum: ORIGINS }).notNull().default("app");

export const regions = sqliteTable(
  "regions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    province: text("province").notNull(),
    since: text("since").notNull(),
    descriptionMd: text("description_md").notNull().default(""),
    /** The review cycle: a reconfirmed answer is due again this many years later (null: the default, 3). */
    reviewYears: integer("review_years"),
    origin: origin(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("regions_origin", oneOf(t.origin, ORIGINS))],
);

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sector: text("sector", { enum: SECTORS }).notNull(),
    origin: origin(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organisations_region_name").on(t.regionId, t.name),
    check("organisations_sector", oneOf(t.sector, SECTORS)),
    check("organisations_origin", oneOf(t.origin, ORIGINS)),
  ],
);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  profession: text("profession").notNull().default(""),
  organisationId: integer("organisation_id").references(() => organisations.id, {
    onDelete: "set null",
  }),
  passwordHash: text("password_hash").notNull(),
  isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
  /** Null: the default (agenda mail at once for facilitators, the rest in the weekly digest). */
  mailPreference: text("mail_preference", { enum: MAIL_PREFERENCES }),
  /** The digest and review-reminder moments already handled for this user (app/mail/schedules.server.ts). */
  digestSentAt: text("digest_sent_at"),
  reviewReminderSentAt: text("review_reminder_sent_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    role: text("role", { enum: MEMBERSHIP_ROLES }).notNull().default("member"),
    status: text("status", { enum: MEMBERSHIP_STATUSES }).notNull().default("pending"),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: text("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_region").on(t.userId, t.regionId),
    index("memberships_region").on(t.regionId, t.status),
    check("memberships_role", oneOf(t.role, MEMBERSHIP_ROLES)),
    check("memberships_status", oneOf(t.status, MEMBERSHIP_STATUSES)),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the token in the cookie, so a leaked database holds no usable session. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
    /** Last request of the session (updated at most once a minute), for the idle timeout; null: never since created. */
    lastSeenAt: text("last_seen_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** A user's authenticator app (TOTP, RFC 6238): present only once a code confirmed it. */
export const totpCredentials = sqliteTable("totp_credentials", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Base32, as the app has it: the server must compute the same codes. */
  secret: text("secret").notNull(),
  /** The time step of the last accepted code: a code is accepted once, never replayed. */
  lastTimeStep: integer("last_time_step").notNull().default(0),
  enabledAt: text("enabled_at").notNull().default(now),
});

/** The ten one-time recovery codes of a user with TOTP, stored as SHA-256 (they are random, 50 bits each). */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user").on(t.userId)],
);

export const passwordResets = sqliteTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

export const themes = sqliteTable("themes", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
});

export const dilemmas = sqliteTable(
  "dilemmas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    question: text("question").notNull(),
    situationMd: text("situation_md").notNull(),
    purpose: text("purpose").notNull().default(""),
    holderSector: text("holder_sector", { enum: SECTORS }).notNull(),
    originRegionId: integer("origin_region_id")
      .notNull()
      .references(() => regions.id),
    status: text("status", { enum: DILEMMA_STATUSES }).notNull().default("proposed"),
    statusReason: text("status_reason"),
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => dilemmas.id, {
      onDelete: "set null",
    }),
    raisedOn: text("raised_on").notNull(),
    proposedBy: integer("proposed_by").references(() => users.id, { onDelete: "set null" }),
    origin: origin(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** In the library's order (newest first, then by title): a page of /dilemmas reads only its own rows. */
    index("dilemmas_status").on(t.status, sql`${t.raisedOn} desc`, t.title),
    /** A region's answers by title walk this instead of sorting all of them for one page. */
    index("dilemmas_title").on(t.title),
    /** With the status, a region's open proposals (its agenda) are found without reading its other dilemmas. */
    index("dilemmas_origin_region").on(t.originRegionId, t.status),
    index("dilemmas_proposed_by").on(t.proposedBy),
    /** The afwegingshulp's candidates: answered dilemmas of one holder sector, without reading their texts. */
    index("dilemmas_holder_sector").on(t.holderSector, t.status),
    check("dilemmas_holder_sector", oneOf(t.holderSector, SECTORS)),
    check("dilemmas_status", oneOf(t.status, DILEMMA_STATUSES)),
    check("dilemmas_origin", oneOf(t.origin, ORIGINS)),
    check("dilemmas_merged_has_target", sql`${t.status} <> 'merged' or ${t.mergedIntoId} is not null`),
  ],
);

export const dilemmaThemes = sqliteTable(
  "dilemma_themes",
  {
    dilemmaId: integer("dilemma_id")
      .notNull()
      .references(() => dilemmas.id, { onDelete: "cascade" }),
    themeSlug: text("theme_slug")
      .notNull()
      .references(() => themes.slug),
  },
  (t) => [primaryKey({ columns: [t.dilemmaId, t.themeSlug] }), index("dilemma_themes_theme").on(t.themeSlug)],
);

export const dilemmaAskingSectors = sqliteTable(
  "dilemma_asking_sectors",
  {
    dilemmaId: integer("dilemma_id")
      .notNull()
      .references(() => dilemmas.id, { onDelete: "cascade" }),
    sector: text("sector", { enum: SECTORS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dilemmaId, t.sector] }),
    check("dilemma_asking_sectors_sector", oneOf(t.sector, SECTORS)),
  ],
);

/** One region's answer to one dilemma; its content lives in immutable versions. */
export const answers = sqliteTable(
  "answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dilemmaId: integer("dilemma_id")
      .notNull()
      .references(() => dilemmas.id, { onDelete: "cascade" }),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    status: text("status", { enum: ANSWER_STATUSES }).notNull().default("published"),
    withdrawnReason: text("withdrawn_reason"),
    origin: origin(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("answers_dilemma_region").on(t.dilemmaId, t.regionId),
    /** A region's published answers and their dilemmas from the index alone (counts, themes, pages). */
    index("answers_region").on(t.regionId, t.status, t.dilemmaId),
    check("answers_status", oneOf(t.status, ANSWER_STATUSES)),
    check("answers_origin", oneOf(t.origin, ORIGINS)),
  ],
);

export const answerVersions = sqliteTable(
  "answer_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    answerId: integer("answer_id")
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    verdict: text("verdict", { enum: VERDICTS }).notNull(),
    route: text("route", { enum: ROUTES }).notNull(),
    groundingMd: text("grounding_md").notNull(),
    purposeMd: text("purpose_md").notNull(),
    necessityMd: text("necessity_md").notNull(),
    proportionalityMd: text("proportionality_md").notNull(),
    agreementMd: text("agreement_md").notNull(),
    conditions: text("conditions", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Points of the weighing not yet checked against the official text: for the region's facilitators, never public. */
    unverified: text("unverified", { mode: "json" })
      .$type<UnverifiedPoint[]>()
      .notNull()
      .default(sql`'[]'`),
    agreedOn: text("agreed_on").notNull(),
    agreedBy: text("agreed_by").notNull().default(""),
    reviewBy: text("review_by"),
    adoptedFromVersionId: integer("adopted_from_version_id").references((): AnySQLiteColumn => answerVersions.id, {
      onDelete: "set null",
    }),
    /** Null while a version is a draft; set once, when it is published. */
    publishedAt: text("published_at"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    origin: origin(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("answer_versions_answer_version").on(t.answerId, t.version),
    index("answer_versions_adopted_from").on(t.adoptedFromVersionId),
    /** At most one draft per answer: the next version being written. */
    uniqueIndex("answer_versions_one_draft")
      .on(t.answerId)
      .where(sql`${t.publishedAt} is null`),
    /**
     * Published versions only: an answer's version in force (its highest), its verdict and whether it is
     * due for review, read from the index without the version's texts. published_at is a column too, or
     * SQLite would read the row to check the condition the index already guarantees.
     */
    index("answer_versions_published")
      .on(t.answerId, t.version, t.publishedAt, t.reviewBy, t.verdict)
      .where(sql`${t.publishedAt} is not null`),
    /**
     * Newest first (the home page's recent outcomes). Not partial: a partial one, matching the view's
     * `published_at is not null` exactly, would be chosen to scan the whole view and make that slower.
     */
    index("answer_versions_published_at").on(t.publishedAt),
    check("answer_versions_version_positive", sql`${t.version} >= 1`),
    check("answer_versions_verdict", oneOf(t.verdict, VERDICTS)),
    check("answer_versions_route", oneOf(t.route, ROUTES)),
    check("answer_versions_origin", oneOf(t.origin, ORIGINS)),
  ],
);

export const codes = sqliteTable(
  "codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    kind: text("kind", { enum: CODE_KINDS }).notNull(),
    issuer: text("issuer").notNull(),
    profession: text("profession"),
    version: text("version").notNull(),
    sourceUrl: text("source_url").notNull(),
    introMd: text("intro_md").notNull().default(""),
    origin: origin(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("codes_kind", oneOf(t.kind, CODE_KINDS)), check("codes_origin", oneOf(t.origin, ORIGINS))],
);

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    codeId: integer("code_id")
      .notNull()
      .references(() => codes.id, { onDelete: "cascade" }),
    anchor: text("anchor").notNull(),
    heading: text("heading").notNull(),
    bodyMd: text("body_md").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("articles_code_anchor").on(t.codeId, t.anchor)],
);

/**
 * The editions of a code or law, each with the date it took effect. The `articles` table holds every anchor
 * any edition has (so citations stay valid); the text per edition lives in `code_edition_articles`.
 */
export const codeEditions = sqliteTable(
  "code_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    codeId: integer("code_id")
      .notNull()
      .references(() => codes.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    /** YYYY-MM-DD; the oldest edition of a code may have no known date: in force since always. */
    effectiveFrom: text("effective_from").notNull(),
    /** When the text stopped applying without a successor in this code (the Wbp on 2018-05-25). */
    endsOn: text("ends_on"),
    sourceUrl: text("source_url").notNull(),
    summaryMd: text("summary_md").notNull().default(""),
    introMd: text("intro_md").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("code_editions_code_date").on(t.codeId, t.effectiveFrom)],
);

export const codeEditionArticles = sqliteTable(
  "code_edition_articles",
  {
    editionId: integer("edition_id")
      .notNull()
      .references(() => codeEditions.id, { onDelete: "cascade" }),
    anchor: text("anchor").notNull(),
    heading: text("heading").notNull(),
    bodyMd: text("body_md").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.anchor] })],
);

/** An answer version in force that cites an article a newer edition changed or removed: due for review. */
export const answerReviewFlags = sqliteTable(
  "answer_review_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    answerVersionId: integer("answer_version_id")
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => codeEditions.id, { onDelete: "cascade" }),
    change: text("change", { enum: ARTICLE_CHANGES }).notNull(),
    /** Set when a facilitator reconfirms the answer against the new text. */
    resolvedAt: text("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("answer_review_flags_unique").on(t.answerVersionId, t.articleId, t.editionId),
    check("answer_review_flags_change", oneOf(t.change, ARTICLE_CHANGES)),
  ],
);

/** A facilitator confirmed an answer in force unchanged: who, when, and the review date it set. */
export const answerReconfirmations = sqliteTable(
  "answer_reconfirmations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    answerVersionId: integer("answer_version_id")
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    confirmedBy: integer("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedOn: text("confirmed_on").notNull(),
    previousReviewBy: text("previous_review_by"),
    nextReviewBy: text("next_review_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("answer_reconfirmations_version").on(t.answerVersionId)],
);

/** An answer version cites a legal ground or a code-of-conduct article. */
export const citations = sqliteTable(
  "citations",
  {
    answerVersionId: integer("answer_version_id")
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    kind: text("kind", { enum: CITATION_KINDS }).notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.answerVersionId, t.articleId] }),
    index("citations_article").on(t.articleId),
    check("citations_kind", oneOf(t.kind, CITATION_KINDS)),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dilemmaId: integer("dilemma_id")
      .notNull()
      .references(() => dilemmas.id, { onDelete: "cascade" }),
    /** Null once the author deleted their account: the comment stays, as "voormalig lid". */
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    bodyMd: text("body_md").notNull(),
    hiddenReason: text("hidden_reason"),
    hiddenBy: integer("hidden_by").references(() => users.id, { onDelete: "set null" }),
    hiddenAt: text("hidden_at"),
    createdAt: createdAt(),
  },
  (t) => [index("comments_dilemma").on(t.dilemmaId, t.createdAt)],
);

/** Append-only: who did what to which record. Never holds personal free text. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    regionId: integer("region_id").references(() => regions.id, { onDelete: "set null" }),
    summary: text("summary").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_region_time").on(t.regionId, t.createdAt), index("audit_log_time").on(t.createdAt)],
);

/**
 * A member suggests that a region take over another region's published answer version; it lands on
 * that region's agenda, where a facilitator adopts it or declines it with a reason.
 */
export const adoptionSuggestions = sqliteTable(
  "adoption_suggestions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    answerVersionId: integer("answer_version_id")
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    suggestedBy: integer("suggested_by").references(() => users.id, { onDelete: "set null" }),
    noteMd: text("note_md").notNull().default(""),
    status: text("status", { enum: SUGGESTION_STATUSES }).notNull().default("open"),
    reason: text("reason"),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: text("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("adoption_suggestions_region").on(t.regionId, t.status),
    uniqueIndex("adoption_suggestions_one_open")
      .on(t.answerVersionId, t.regionId)
      .where(sql`${t.status} = 'open'`),
    check("adoption_suggestions_status", oneOf(t.status, SUGGESTION_STATUSES)),
  ],
);

/** What a member should know about: their proposal was decided or answered, someone replied. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** Dutch; it may quote a facilitator's reason, never the text of a dilemma or comment. */
    message: text("message").notNull(),
    href: text("href").notNull(),
    readAt: text("read_at"),
    /** When it went out by e-mail (at once or in a digest): a digest takes only the unmailed ones. */
    mailedAt: text("mailed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.readAt),
    check("notifications_kind", oneOf(t.kind, NOTIFICATION_KINDS)),
  ],
);

/**
 * Mail waiting to go out, written in the transaction of what it tells; the worker in
 * app/mail/mail-worker.server.ts sends it after the commit, with retries.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull().default(now),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mail_outbox_due").on(t.status, t.nextAttemptAt),
    check("mail_outbox_kind", oneOf(t.kind, MAIL_KINDS)),
    check("mail_outbox_status", oneOf(t.status, MAIL_STATUSES)),
  ],
);

/**
 * The version of each published answer that is in force: its highest published version.
 * Defined in migration 0001; a view keeps "current" derived instead of stored twice.
 */
export const currentAnswerVersions = sqliteView("current_answer_versions", {
  id: integer("id").notNull(),
  answerId: integer("answer_id").notNull(),
  dilemmaId: integer("dilemma_id").notNull(),
  regionId: integer("region_id").notNull(),
  version: integer("version").notNull(),
  verdict: text("verdict", { enum: VERDICTS }).notNull(),
  route: text("route", { enum: ROUTES }).notNull(),
  agreedOn: text("agreed_on").notNull(),
  reviewBy: text("review_by"),
  publishedAt: text("published_at").notNull(),
  adoptedFromVersionId: integer("adopted_from_version_id"),
}).existing();
