import { and, desc, eq, inArray, isNull, like, or } from "drizzle-orm";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { type RegionScope } from "~/auth/region-scope";
import { slugify } from "~/content/anchors";
import { SECTORS } from "~/domain/vocabulary";
import { todayIso } from "~/utils/dates";
import type { Db, Executor } from "~/utils/db.server";
import { SlugSchema, slugSchema } from "~/utils/params";
import { agendaPath, dilemmaPath } from "~/utils/paths";
import * as t from "../../db/schema";
import { notifyFacilitators } from "./facilitator-notifications.server";
import { notify } from "./notifications.server";
import { workflowFailure, type WorkflowResult } from "./workflow-result";

const text = (min: number, max: number, tooShort: string) =>
  z.string().trim().min(min, tooShort).max(max, `Gebruik hoogstens ${max} tekens.`);

export const ProposalSchema = z.object({
  region: slugSchema("Kies de regio waarvoor u het dilemma voorstelt."),
  title: text(5, 160, "Geef het dilemma een titel van minstens 5 tekens."),
  question: text(10, 400, "Schrijf de vraag op, zoals: Mag ik … delen met …?"),
  situation: text(20, 8000, "Beschrijf de situatie in minstens 20 tekens."),
  purpose: z.string().trim().max(400, "Gebruik hoogstens 400 tekens."),
  holderSector: z.enum(SECTORS, { message: "Kies de sector die de informatie heeft." }),
  askingSectors: z
    .array(z.enum(SECTORS, { message: "Kies sectoren uit de lijst." }))
    .min(1, "Kies minstens één sector die om de informatie vraagt."),
  themes: z.array(SlugSchema).min(1, "Kies minstens één thema.").max(5, "Kies hoogstens vijf thema's."),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** The free texts of a proposal, for the anonymity guard. */
export const PROPOSAL_TEXT_FIELDS = {
  title: "Titel",
  question: "Vraag",
  situation: "Situatie",
  purpose: "Doel van de vraag",
} as const;

function uniqueSlug(tx: Executor, title: string): string {
  const base = slugify(title).slice(0, 80).replace(/-+$/, "") || "dilemma";
  const taken = new Set(
    tx
      .select({ slug: t.dilemmas.slug })
      .from(t.dilemmas)
      .where(or(eq(t.dilemmas.slug, base), like(t.dilemmas.slug, `${base}-%`)))
      .all()
      .map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export type ProposeResult = { ok: true; slug: string } | { ok: false; field: keyof Proposal; message: string };

/** Stores a proposal of a member for one of their regions, with themes, sectors and audit entry, in one transaction. */
export function proposeDilemma(
  db: Db,
  input: { userId: number; scope: RegionScope; proposal: Proposal },
): ProposeResult {
  const p = input.proposal;
  return db.transaction((tx) => {
    const region = tx.select().from(t.regions).where(eq(t.regions.slug, p.region)).get();
    if (!region || !input.scope.includes(region.id)) {
      return {
        ok: false,
        field: "region",
        message: "U kunt alleen voorstellen doen voor een regio waarvan u lid bent.",
      };
    }
    const known = tx.select({ slug: t.themes.slug }).from(t.themes).where(inArray(t.themes.slug, p.themes)).all();
    if (known.length !== new Set(p.themes).size)
      return { ok: false, field: "themes", message: "Kies thema's uit de lijst." };
    const slug = uniqueSlug(tx, p.title);
    const dilemma = tx
      .insert(t.dilemmas)
      .values({
        slug,
        title: p.title,
        question: p.question,
        situationMd: p.situation,
        purpose: p.purpose,
        holderSector: p.holderSector,
        originRegionId: region.id,
        status: "proposed",
        raisedOn: todayIso(),
        proposedBy: input.userId,
        origin: "app",
      })
      .returning({ id: t.dilemmas.id })
      .get();
    tx.insert(t.dilemmaThemes)
      .values([...new Set(p.themes)].map((themeSlug) => ({ dilemmaId: dilemma.id, themeSlug })))
      .run();
    tx.insert(t.dilemmaAskingSectors)
      .values([...new Set(p.askingSectors)].map((sector) => ({ dilemmaId: dilemma.id, sector })))
      .run();
    recordAudit(tx, {
      actorId: input.userId,
      action: "dilemma.propose",
      targetType: "dilemma",
      targetId: dilemma.id,
      regionId: region.id,
      summary: slug,
    });
    notifyFacilitators(tx, {
      regionIds: [region.id],
      actorId: input.userId,
      kind: "proposal-new",
      message: `Nieuw voorstel voor leertuin ${region.name}: "${p.title}".`,
      href: agendaPath(region.slug),
    });
    return { ok: true, slug };
  });
}

export type ProposalDecision =
  | { decision: "accept" }
  | { decision: "reject"; reason: string }
  | { decision: "merge"; reason: string; intoSlug: string };

/**
 * A facilitator of the proposal's region puts it on the agenda, rejects it with a reason, or merges it
 * into an existing dilemma. The proposer is told, in the same transaction.
 */
export function decideProposal(
  db: Db,
  input: {
    actorId: number;
    scope: RegionScope;
    dilemmaId: number;
    /** The proposal's updated_at when the agenda was opened (hidden field); without it no base is claimed. */
    basis?: string;
  } & ProposalDecision,
): WorkflowResult {
  return db.transaction((tx) => {
    const dilemma = tx.select().from(t.dilemmas).where(eq(t.dilemmas.id, input.dilemmaId)).get();
    if (!dilemma) return workflowFailure(404, "Dit voorstel bestaat niet.");
    if (!input.scope.includes(dilemma.originRegionId)) {
      return workflowFailure(403, "Alleen de leertuinbegeleiders van de regio van dit voorstel beslissen erover.");
    }
    if (dilemma.status !== "proposed") {
      // The same decision again (a double submit, two tabs) is the decision already made.
      if (sameDecision(tx, dilemma, input)) return { ok: true };
      return workflowFailure(
        409,
        `Over dit voorstel is intussen al besloten: ${DECIDED_LABELS[dilemma.status] ?? "het is niet meer nieuw"}.`,
      );
    }
    if (input.basis !== undefined && input.basis !== dilemma.updatedAt)
      return workflowFailure(409, "Dit voorstel is intussen gewijzigd. Bekijk het opnieuw op de agenda.");
    const href = dilemmaPath(dilemma.slug);
    const now = new Date().toISOString();
    if (input.decision === "accept") {
      tx.update(t.dilemmas)
        .set({ status: "on-agenda", statusReason: null, updatedAt: now })
        .where(eq(t.dilemmas.id, dilemma.id))
        .run();
      notify(tx, {
        userId: dilemma.proposedBy,
        actorId: input.actorId,
        kind: "proposal-accepted",
        message: `Uw voorstel "${dilemma.title}" staat op de agenda.`,
        href,
      });
    } else if (input.decision === "reject") {
      tx.update(t.dilemmas)
        .set({ status: "rejected", statusReason: input.reason, updatedAt: now })
        .where(eq(t.dilemmas.id, dilemma.id))
        .run();
      notify(tx, {
        userId: dilemma.proposedBy,
        actorId: input.actorId,
        kind: "proposal-rejected",
        message: `Uw voorstel "${dilemma.title}" is afgewezen; de reden staat bij het voorstel.`,
        href,
      });
    } else {
      const target = tx.select().from(t.dilemmas).where(eq(t.dilemmas.slug, input.intoSlug)).get();
      if (!target || target.id === dilemma.id || !["on-agenda", "answered"].includes(target.status)) {
        return workflowFailure(
          409,
          "Voeg het voorstel samen met een dilemma dat op de agenda staat of beantwoord is.",
          "intoSlug",
        );
      }
      tx.update(t.dilemmas)
        .set({ status: "merged", statusReason: input.reason, mergedIntoId: target.id, updatedAt: now })
        .where(eq(t.dilemmas.id, dilemma.id))
        .run();
      notify(tx, {
        userId: dilemma.proposedBy,
        actorId: input.actorId,
        kind: "proposal-merged",
        message: `Uw voorstel "${dilemma.title}" is samengevoegd met "${target.title}".`,
        href: dilemmaPath(target.slug),
      });
    }
    recordAudit(tx, {
      actorId: input.actorId,
      action: `dilemma.${input.decision}`,
      targetType: "dilemma",
      targetId: dilemma.id,
      regionId: dilemma.originRegionId,
      summary: dilemma.slug,
    });
    return { ok: true };
  });
}

const DECIDED_LABELS: Partial<Record<string, string>> = {
  "on-agenda": "het staat op de agenda",
  answered: "het staat op de agenda en is beantwoord",
  rejected: "het is afgewezen",
  merged: "het is samengevoegd",
};

function sameDecision(tx: Executor, dilemma: typeof t.dilemmas.$inferSelect, decision: ProposalDecision): boolean {
  if (decision.decision === "accept") return dilemma.status === "on-agenda" || dilemma.status === "answered";
  if (decision.decision === "reject") return dilemma.status === "rejected" && dilemma.statusReason === decision.reason;
  if (dilemma.status !== "merged" || dilemma.statusReason !== decision.reason) return false;
  const target = tx.select({ id: t.dilemmas.id }).from(t.dilemmas).where(eq(t.dilemmas.slug, decision.intoSlug)).get();
  return target?.id === dilemma.mergedIntoId;
}

/** A member's own proposals, newest first, with where each went. */
export function listOwnProposals(db: Db, userId: number) {
  return db
    .select({
      slug: t.dilemmas.slug,
      title: t.dilemmas.title,
      status: t.dilemmas.status,
      raisedOn: t.dilemmas.raisedOn,
    })
    .from(t.dilemmas)
    .where(eq(t.dilemmas.proposedBy, userId))
    .orderBy(desc(t.dilemmas.id))
    .all();
}

/** Proposals waiting for a region's decision. */
export function listRegionProposals(db: Db, regionId: number) {
  return db
    .select({
      id: t.dilemmas.id,
      slug: t.dilemmas.slug,
      title: t.dilemmas.title,
      question: t.dilemmas.question,
      status: t.dilemmas.status,
      raisedOn: t.dilemmas.raisedOn,
      updatedAt: t.dilemmas.updatedAt,
    })
    .from(t.dilemmas)
    .where(and(eq(t.dilemmas.originRegionId, regionId), inArray(t.dilemmas.status, ["proposed", "on-agenda"])))
    .orderBy(t.dilemmas.raisedOn, t.dilemmas.id)
    .all();
}

/** Dilemmas on an agenda, offered as merge targets; an answered one is named by its address (there can be thousands). */
export function listMergeTargets(db: Db) {
  return db
    .select({ slug: t.dilemmas.slug, title: t.dilemmas.title })
    .from(t.dilemmas)
    .where(eq(t.dilemmas.status, "on-agenda"))
    .orderBy(t.dilemmas.title)
    .all();
}

/** Drafts the region's facilitators are writing. */
export function listRegionDrafts(db: Db, regionId: number) {
  return db
    .select({
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      version: t.answerVersions.version,
      adopted: t.answerVersions.adoptedFromVersionId,
    })
    .from(t.answerVersions)
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.answers.dilemmaId))
    .where(and(eq(t.answers.regionId, regionId), isNull(t.answerVersions.publishedAt)))
    .orderBy(t.dilemmas.title)
    .all();
}
