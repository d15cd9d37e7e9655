import crypto from "node:crypto";

import { and, asc, desc, eq, inArray, isNotNull, isNull, max } from "drizzle-orm";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { ANSWER_SECTIONS, ROUTES, VERDICTS } from "~/domain/vocabulary";
import { todayIso } from "~/utils/dates";
import type { Db, Executor, Tx } from "~/utils/db.server";
import { dilemmaAnswerPath, dilemmaPath } from "~/utils/paths";
import * as t from "../../db/schema";
import { notifyFacilitators, regionOfVersion } from "./facilitator-notifications.server";
import { notify } from "./notifications.server";
import { closeSuggestion } from "./suggestions.server";
import { type WorkflowFailure, workflowFailure } from "./workflow-result";

const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in.")
  .refine((d) => !Number.isNaN(Date.parse(d)), "Vul een bestaande datum in.");
const section = (label: string) =>
  z
    .string()
    .trim()
    .min(10, `Schrijf de ${label} uit (minstens 10 tekens).`)
    .max(8000, "Gebruik hoogstens 8000 tekens.");

export const AnswerFormSchema = z
  .object({
    verdict: z.enum(VERDICTS, { message: "Kies het oordeel." }),
    route: z.enum(ROUTES, { message: "Kies de route waarlangs gedeeld mag worden." }),
    grounding: section("grondslag"),
    purpose: section("doel"),
    necessity: section("noodzaak"),
    proportionality: section("proportionaliteit en subsidiariteit"),
    agreement: section("afspraak"),
    conditions: z
      .string()
      .max(4000, "Gebruik hoogstens 4000 tekens.")
      .transform((s) =>
        s
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(300, "Houd elke voorwaarde onder de 300 tekens."))
          .max(15, "Noem hoogstens 15 voorwaarden."),
      ),
    agreedOn: IsoDateSchema,
    agreedBy: z.string().trim().max(200, "Gebruik hoogstens 200 tekens."),
    reviewBy: z.preprocess((v) => (v === "" ? undefined : v), IsoDateSchema.optional()),
    citations: z.array(z.coerce.number().int().positive()).max(40, "Kies hoogstens 40 artikelen."),
  })
  .refine((f) => f.agreedOn <= todayIso(), {
    path: ["agreedOn"],
    message: "De datum van de afspraak kan niet in de toekomst liggen.",
  })
  .refine((f) => !f.reviewBy || f.reviewBy > f.agreedOn, {
    path: ["reviewBy"],
    message: "Herzien kan pas na de datum van de afspraak.",
  });
export type AnswerForm = z.infer<typeof AnswerFormSchema>;

/** The free texts of an answer, for the anonymity guard, with the labels the form shows. */
export const ANSWER_TEXT_FIELDS = {
  grounding: "Grondslag",
  purpose: "Doel",
  necessity: "Noodzaak",
  proportionality: "Proportionaliteit en subsidiariteit",
  agreement: "Afspraak",
  conditions: "Voorwaarden",
  agreedBy: "Afgesproken door",
} as const;

function versionValues(form: AnswerForm) {
  const sections = Object.fromEntries(ANSWER_SECTIONS.map(({ key, field }) => [field, form[key]])) as Record<
    (typeof ANSWER_SECTIONS)[number]["field"],
    string
  >;
  return {
    verdict: form.verdict,
    route: form.route,
    ...sections,
    conditions: form.conditions,
    agreedOn: form.agreedOn,
    agreedBy: form.agreedBy,
    reviewBy: form.reviewBy ?? null,
  };
}

function findAnswer(tx: Executor, dilemmaId: number, regionId: number) {
  return tx
    .select()
    .from(t.answers)
    .where(and(eq(t.answers.dilemmaId, dilemmaId), eq(t.answers.regionId, regionId)))
    .get();
}

/** The answer's draft (at most one: a partial unique index), or its newest published version. */
function answerVersion(tx: Executor, answerId: number, which: "draft" | "published") {
  const published = t.answerVersions.publishedAt;
  return tx
    .select()
    .from(t.answerVersions)
    .where(and(eq(t.answerVersions.answerId, answerId), which === "draft" ? isNull(published) : isNotNull(published)))
    .orderBy(desc(t.answerVersions.version))
    .get();
}

type Version = typeof t.answerVersions.$inferSelect;

const findDraft = (tx: Executor, answerId: number) => answerVersion(tx, answerId, "draft");
const latestPublished = (tx: Executor, answerId: number) => answerVersion(tx, answerId, "published");

/** The stored fields an editor's form sets, in a fixed order: what two submissions must share to be the same. */
const CONTENT_FIELDS = [
  "verdict",
  "route",
  "groundingMd",
  "purposeMd",
  "necessityMd",
  "proportionalityMd",
  "agreementMd",
  "conditions",
  "agreedOn",
  "agreedBy",
  "reviewBy",
] as const;
type Content = Pick<typeof t.answerVersions.$inferSelect, (typeof CONTENT_FIELDS)[number]>;

function fingerprint(content: Content, citationIds: number[]): string {
  const canonical = JSON.stringify([CONTENT_FIELDS.map((field) => content[field]), [...new Set(citationIds)]]);
  return crypto.createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

function citedArticleIds(tx: Executor, versionId: number): number[] {
  return tx
    .select({ id: t.citations.articleId })
    .from(t.citations)
    .where(eq(t.citations.answerVersionId, versionId))
    .orderBy(asc(t.citations.position))
    .all()
    .map((c) => c.id);
}

const storedFingerprint = (tx: Executor, version: Content & { id: number }) =>
  fingerprint(version, citedArticleIds(tx, version.id));
const formFingerprint = (form: AnswerForm) => fingerprint(versionValues(form), form.citations);

/**
 * What an editing form is based on, sent along as a hidden field: the newest published version, and the
 * draft with a fingerprint of its content. A submission whose base is no longer the answer's is stale.
 */
export function editorBasis(tx: Executor, answerId: number | null): string {
  if (answerId === null) return "0.0.0";
  const latest = latestPublished(tx, answerId);
  const draft = findDraft(tx, answerId);
  return `${latest?.version ?? 0}.${draft?.id ?? 0}.${draft ? storedFingerprint(tx, draft) : "0"}`;
}

/** The hidden field's shape; anything else is treated as a stale base. */
export const BasisFieldSchema = z.string().regex(/^\d{1,6}\.\d{1,12}\.[0-9a-f]{1,16}$/);

const staleAnswer = (latest: number) =>
  rollback(
    409,
    `Iemand heeft deze afspraak intussen gewijzigd (geldend is nu versie ${latest}, of er is een nieuwer concept). ` +
      "Uw tekst staat hieronder nog. Bekijk wat er veranderde en verstuur het formulier opnieuw als u uw tekst wilt bewaren.",
  );

function nextVersion(tx: Executor, answerId: number): number {
  return (
    (tx
      .select({ n: max(t.answerVersions.version) })
      .from(t.answerVersions)
      .where(eq(t.answerVersions.answerId, answerId))
      .get()?.n ?? 0) + 1
  );
}

/** Replaces a version's citations; a law's article is a legal ground, a code's or guideline's a code citation. */
function setCitations(tx: Tx, versionId: number, articleIds: number[]) {
  tx.delete(t.citations).where(eq(t.citations.answerVersionId, versionId)).run();
  const unique = [...new Set(articleIds)];
  if (unique.length === 0) return true;
  const articles = tx
    .select({ id: t.articles.id, kind: t.codes.kind })
    .from(t.articles)
    .innerJoin(t.codes, eq(t.codes.id, t.articles.codeId))
    .where(inArray(t.articles.id, unique))
    .all();
  if (articles.length !== unique.length) return false;
  tx.insert(t.citations)
    .values(
      unique.map((articleId, position) => ({
        answerVersionId: versionId,
        articleId,
        position,
        kind: articles.find((a) => a.id === articleId)!.kind === "wet" ? ("ground" as const) : ("code" as const),
      })),
    )
    .run();
  return true;
}

interface Target {
  actorId: number;
  dilemmaId: number;
  regionId: number;
}

/** The answer row of the region for the dilemma, made when this is its first draft. */
function ensureAnswer(tx: Tx, target: Target) {
  return (
    findAnswer(tx, target.dilemmaId, target.regionId) ??
    tx
      .insert(t.answers)
      .values({ dilemmaId: target.dilemmaId, regionId: target.regionId, origin: "app" })
      .returning()
      .get()
  );
}

class Rollback extends Error {
  constructor(readonly failure: WorkflowFailure) {
    super(failure.message);
  }
}

const rollback = (status: WorkflowFailure["status"], message: string) => new Rollback(workflowFailure(status, message));

/** Runs a write; a Rollback thrown inside undoes all of it and becomes the result. */
function writeOrFail<T>(db: Db, write: (tx: Tx) => T): T | WorkflowFailure {
  try {
    return db.transaction(write);
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
}

function writableDilemma(tx: Executor, dilemmaId: number) {
  const dilemma = tx.select().from(t.dilemmas).where(eq(t.dilemmas.id, dilemmaId)).get();
  if (!dilemma) throw rollback(404, "Dit dilemma bestaat niet.");
  if (dilemma.status !== "on-agenda" && dilemma.status !== "answered") {
    throw rollback(409, "Een afspraak kan pas als het dilemma op de agenda staat.");
  }
  return dilemma;
}

const badCitations = rollback(409, "Een van de gekozen artikelen bestaat niet (meer).");

/** The form's text into the draft, or into a new next version, with its citations; published when `publishedAt` is given. */
function storeVersion(
  tx: Tx,
  input: { answerId: number; draft: Version | undefined; actorId: number; form: AnswerForm; publishedAt?: string },
) {
  const content = { ...versionValues(input.form), ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) };
  const version = input.draft
    ? tx.update(t.answerVersions).set(content).where(eq(t.answerVersions.id, input.draft.id)).returning().get()
    : tx
        .insert(t.answerVersions)
        .values({
          answerId: input.answerId,
          version: nextVersion(tx, input.answerId),
          ...content,
          createdBy: input.actorId,
          origin: "app",
        })
        .returning()
        .get();
  if (!setCitations(tx, version.id, input.form.citations)) throw badCitations;
  return version;
}

/** Saves the region's draft (the next version, unpublished), replacing an earlier draft's text. */
export function saveDraft(db: Db, target: Target, form: AnswerForm, basis?: string) {
  return writeOrFail(db, (tx) => {
    const dilemma = writableDilemma(tx, target.dilemmaId);
    const answer = ensureAnswer(tx, target);
    const draft = findDraft(tx, answer.id);
    // The same text saved again (a double click, a resent form) changes nothing.
    if (draft && storedFingerprint(tx, draft) === formFingerprint(form)) return { ok: true as const };
    if (basis !== undefined && basis !== editorBasis(tx, answer.id))
      throw staleAnswer(latestPublished(tx, answer.id)?.version ?? 0);
    storeVersion(tx, { answerId: answer.id, draft, actorId: target.actorId, form });
    recordAudit(tx, {
      actorId: target.actorId,
      action: "answer.draft",
      targetType: "answer",
      targetId: answer.id,
      regionId: target.regionId,
      summary: dilemma.slug,
    });
    return { ok: true as const };
  });
}

/** The draft (or a new version) comes in force; dilemma, proposer, fulfilled suggestions and audit log in the same transaction. */
export function publishAnswer(db: Db, target: Target, form: AnswerForm, basis?: string) {
  return writeOrFail(db, (tx) => {
    const dilemma = writableDilemma(tx, target.dilemmaId);
    const region = tx.select().from(t.regions).where(eq(t.regions.id, target.regionId)).get()!;
    const answer = ensureAnswer(tx, target);
    const now = new Date().toISOString();
    const draft = findDraft(tx, answer.id);
    const latest = latestPublished(tx, answer.id);
    // A repeat of the publish that made the version in force (a double submit, two tabs) is that version.
    const repeated =
      !draft &&
      latest &&
      answer.status === "published" &&
      storedFingerprint(tx, latest) === formFingerprint(form) &&
      (basis === undefined || latest.version > Number(basis.split(".")[0]));
    if (repeated) return { ok: true as const, version: latest.version };
    if (basis !== undefined && basis !== editorBasis(tx, answer.id)) throw staleAnswer(latest?.version ?? 0);
    const version = storeVersion(tx, { answerId: answer.id, draft, actorId: target.actorId, form, publishedAt: now });
    tx.update(t.answers)
      .set({ status: "published", withdrawnReason: null, updatedAt: now })
      .where(eq(t.answers.id, answer.id))
      .run();
    if (dilemma.status !== "answered") {
      tx.update(t.dilemmas).set({ status: "answered", updatedAt: now }).where(eq(t.dilemmas.id, dilemma.id)).run();
      notify(tx, {
        userId: dilemma.proposedBy,
        actorId: target.actorId,
        kind: "proposal-answered",
        message: `Er is een afspraak over uw voorstel "${dilemma.title}": leertuin ${region.name} heeft haar gepubliceerd.`,
        href: dilemmaPath(dilemma.slug),
      });
    }
    if (version.adoptedFromVersionId !== null) {
      const sourceRegion = regionOfVersion(tx, version.adoptedFromVersionId);
      if (sourceRegion !== null && sourceRegion !== region.id)
        notifyFacilitators(tx, {
          regionIds: [sourceRegion],
          actorId: target.actorId,
          kind: "answer-adopted",
          message: `Leertuin ${region.name} heeft de afspraak van uw regio over "${dilemma.title}" overgenomen (versie ${version.version}).`,
          href: dilemmaAnswerPath(dilemma.slug, region.slug),
        });
      closeFulfilledSuggestions(tx, {
        ...target,
        sourceVersionId: version.adoptedFromVersionId,
        now,
        href: dilemmaPath(dilemma.slug),
      });
    }
    recordAudit(tx, {
      actorId: target.actorId,
      action: "answer.publish",
      targetType: "answer_version",
      targetId: version.id,
      regionId: target.regionId,
      summary: `${dilemma.slug} versie ${version.version}`,
    });
    return { ok: true as const, version: version.version };
  });
}

/** Suggestions to adopt any version of the source answer for this region are done once it is adopted. */
function closeFulfilledSuggestions(tx: Tx, input: Target & { sourceVersionId: number; now: string; href: string }) {
  const source = tx
    .select({ answerId: t.answerVersions.answerId })
    .from(t.answerVersions)
    .where(eq(t.answerVersions.id, input.sourceVersionId))
    .get();
  if (!source) return;
  const sourceVersions = tx
    .select({ id: t.answerVersions.id })
    .from(t.answerVersions)
    .where(eq(t.answerVersions.answerId, source.answerId))
    .all()
    .map((v) => v.id);
  const open = tx
    .select()
    .from(t.adoptionSuggestions)
    .where(
      and(
        eq(t.adoptionSuggestions.regionId, input.regionId),
        eq(t.adoptionSuggestions.status, "open"),
        inArray(t.adoptionSuggestions.answerVersionId, sourceVersions),
      ),
    )
    .all();
  for (const suggestion of open)
    closeSuggestion(tx, suggestion, {
      outcome: { status: "adopted" },
      actorId: input.actorId,
      at: input.now,
      href: input.href,
    });
}

/** Withdraws the region's published answer with a reason; its versions stay in the database, out of the library. */
export function withdrawAnswer(db: Db, target: Target, reason: string) {
  return writeOrFail(db, (tx) => {
    const answer = findAnswer(tx, target.dilemmaId, target.regionId);
    const published = answer && latestPublished(tx, answer.id);
    if (!answer || answer.status !== "published" || !published) {
      throw rollback(409, "Er is geen gepubliceerde afspraak om in te trekken.");
    }
    const now = new Date().toISOString();
    tx.update(t.answers)
      .set({ status: "withdrawn", withdrawnReason: reason, updatedAt: now })
      .where(eq(t.answers.id, answer.id))
      .run();
    // Without any answer in force the dilemma goes back on the agenda, out of the public library.
    const inForce = tx
      .select({ id: t.currentAnswerVersions.id })
      .from(t.currentAnswerVersions)
      .where(eq(t.currentAnswerVersions.dilemmaId, target.dilemmaId))
      .get();
    if (!inForce)
      tx.update(t.dilemmas)
        .set({ status: "on-agenda", updatedAt: now })
        .where(eq(t.dilemmas.id, target.dilemmaId))
        .run();
    recordAudit(tx, {
      actorId: target.actorId,
      action: "answer.withdraw",
      targetType: "answer",
      targetId: answer.id,
      regionId: target.regionId,
    });
    return { ok: true as const };
  });
}

/**
 * Starts adopting another region's published version: a draft for the target region, prefilled from
 * that version, pointing at it. The facilitator edits and publishes it like any draft.
 */
export function startAdoption(
  db: Db,
  input: { actorId: number; sourceVersionId: number; regionId: number; sourceBasis?: string },
) {
  return writeOrFail(db, (tx) => {
    const source = tx
      .select({ version: t.answerVersions, answer: t.answers })
      .from(t.answerVersions)
      .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
      .where(and(eq(t.answerVersions.id, input.sourceVersionId), isNotNull(t.answerVersions.publishedAt)))
      .get();
    if (!source || source.answer.status !== "published")
      throw rollback(404, "Deze afspraak bestaat niet of is niet gepubliceerd.");
    if (source.answer.regionId === input.regionId)
      throw rollback(409, "Een regio kan haar eigen afspraak niet overnemen.");
    // The page showed the source answer with this version in force; a newer one since is a stale base.
    const sourceLatest = latestPublished(tx, source.answer.id)!;
    if (input.sourceBasis !== undefined && input.sourceBasis !== String(sourceLatest.version))
      throw rollback(
        409,
        `Deze afspraak is intussen herzien: geldend is nu versie ${sourceLatest.version}. Bekijk die versie voordat u overneemt.`,
      );
    const target = { actorId: input.actorId, dilemmaId: source.answer.dilemmaId, regionId: input.regionId };
    const dilemma = writableDilemma(tx, target.dilemmaId);
    const answer = ensureAnswer(tx, target);
    const existing = findDraft(tx, answer.id);
    // Adopting the same version again (a double submit) is the draft already made.
    if (existing && existing.adoptedFromVersionId === source.version.id)
      return { ok: true as const, dilemmaSlug: dilemma.slug };
    if (existing) {
      throw rollback(409, "Uw regio heeft al een concept voor dit dilemma. Publiceer of verwijder dat eerst.");
    }
    const v = source.version;
    const draft = tx
      .insert(t.answerVersions)
      .values({
        answerId: answer.id,
        version: nextVersion(tx, answer.id),
        verdict: v.verdict,
        route: v.route,
        groundingMd: v.groundingMd,
        purposeMd: v.purposeMd,
        necessityMd: v.necessityMd,
        proportionalityMd: v.proportionalityMd,
        agreementMd: v.agreementMd,
        conditions: v.conditions,
        agreedOn: todayIso(),
        agreedBy: "",
        reviewBy: null,
        adoptedFromVersionId: v.id,
        createdBy: input.actorId,
        origin: "app",
      })
      .returning()
      .get();
    setCitations(tx, draft.id, citedArticleIds(tx, v.id));
    recordAudit(tx, {
      actorId: input.actorId,
      action: "answer.adopt",
      targetType: "answer_version",
      targetId: draft.id,
      regionId: input.regionId,
      summary: `${dilemma.slug} van versie ${v.id}`,
    });
    return { ok: true as const, dilemmaSlug: dilemma.slug };
  });
}

/** Throws the draft away (a facilitator changed their mind); published versions are untouched. */
export function discardDraft(db: Db, target: Target, basis?: string) {
  return writeOrFail(db, (tx) => {
    const answer = findAnswer(tx, target.dilemmaId, target.regionId);
    const draft = answer && findDraft(tx, answer.id);
    if (!answer || !draft) throw rollback(409, "Er is geen concept om te verwijderen.");
    // Someone changed the draft since this form was opened: throwing their work away needs a fresh look.
    if (basis !== undefined && basis !== editorBasis(tx, answer.id))
      throw rollback(409, "Iemand heeft het concept intussen gewijzigd. Bekijk het opnieuw voordat u het weggooit.");
    tx.delete(t.answerVersions).where(eq(t.answerVersions.id, draft.id)).run();
    recordAudit(tx, {
      actorId: target.actorId,
      action: "answer.discard-draft",
      targetType: "answer",
      targetId: answer.id,
      regionId: target.regionId,
    });
    return { ok: true as const };
  });
}

/** What the editor starts from: the draft, else the version in force (for a revision), else nothing. */
export function getEditorState(db: Db, dilemmaId: number, regionId: number) {
  const answer = findAnswer(db, dilemmaId, regionId);
  if (!answer) return { answer: null, draft: null, current: null, basis: editorBasis(db, null) };
  const draft = findDraft(db, answer.id) ?? null;
  const current = latestPublished(db, answer.id) ?? null;
  return {
    answer,
    draft: draft && { ...draft, citationIds: citedArticleIds(db, draft.id) },
    current: current && { ...current, citationIds: citedArticleIds(db, current.id) },
    basis: editorBasis(db, answer.id),
  };
}
