import { and, desc, eq, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";

import { recordAudit } from "~/audit/audit-log.server";
import { type RegionScope } from "~/auth/region-scope";
import type { Db, Executor } from "~/utils/db.server";
import { slugSchema } from "~/utils/params";
import { agendaPath } from "~/utils/paths";
import * as t from "../../db/schema";
import { notifyFacilitators } from "./facilitator-notifications.server";
import { notify } from "./notifications.server";
import { ReasonSchema } from "./reason";
import { workflowFailure, type WorkflowResult } from "./workflow-result";

export const SuggestionSchema = z.object({
  region: slugSchema("Kies de regio waarvoor u de afspraak voorstelt."),
  note: z.string().trim().max(2000, "Gebruik hoogstens 2000 tekens."),
});

export const DeclineSchema = z.object({
  suggestionId: z.coerce.number().int().positive(),
  reason: ReasonSchema,
});

/** A member suggests that their region take over another region's published answer version. */
export function suggestAdoption(
  db: Db,
  input: { userId: number; scope: RegionScope; sourceVersionId: number; regionSlug: string; note: string },
): WorkflowResult {
  return db.transaction((tx) => {
    const region = tx.select().from(t.regions).where(eq(t.regions.slug, input.regionSlug)).get();
    if (!region || !input.scope.includes(region.id)) {
      return workflowFailure(403, "U kunt alleen voorstellen doen voor een regio waarvan u lid bent.");
    }
    const source = tx
      .select({ regionId: t.answers.regionId, dilemmaId: t.answers.dilemmaId })
      .from(t.answerVersions)
      .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
      .where(
        and(
          eq(t.answerVersions.id, input.sourceVersionId),
          isNotNull(t.answerVersions.publishedAt),
          eq(t.answers.status, "published"),
        ),
      )
      .get();
    if (!source) return workflowFailure(404, "Deze afspraak bestaat niet of is niet gepubliceerd.");
    if (source.regionId === region.id) return workflowFailure(409, "Dit is al de afspraak van uw regio.");
    const open = tx
      .select({ id: t.adoptionSuggestions.id })
      .from(t.adoptionSuggestions)
      .where(
        and(
          eq(t.adoptionSuggestions.answerVersionId, input.sourceVersionId),
          eq(t.adoptionSuggestions.regionId, region.id),
          eq(t.adoptionSuggestions.status, "open"),
        ),
      )
      .get();
    if (open) return workflowFailure(409, "Deze afspraak staat al op de agenda van uw regio om over te nemen.");
    const suggestion = tx
      .insert(t.adoptionSuggestions)
      .values({
        answerVersionId: input.sourceVersionId,
        regionId: region.id,
        suggestedBy: input.userId,
        noteMd: input.note,
      })
      .returning({ id: t.adoptionSuggestions.id })
      .get();
    recordAudit(tx, {
      actorId: input.userId,
      action: "suggestion.create",
      targetType: "suggestion",
      targetId: suggestion.id,
      regionId: region.id,
    });
    notifyFacilitators(tx, {
      regionIds: [region.id],
      actorId: input.userId,
      kind: "suggestion-new",
      message: `Een lid stelt voor een afspraak van een andere regio over te nemen voor leertuin ${region.name}.`,
      href: agendaPath(region.slug),
    });
    return { ok: true };
  });
}

/** A facilitator of the suggested region declines it with a reason; the member who suggested it is told. */
export function declineSuggestion(
  db: Db,
  input: { actorId: number; scope: RegionScope; suggestionId: number; reason: string },
): WorkflowResult {
  return db.transaction((tx) => {
    const suggestion = tx
      .select()
      .from(t.adoptionSuggestions)
      .where(eq(t.adoptionSuggestions.id, input.suggestionId))
      .get();
    if (!suggestion) return workflowFailure(404, "Dit voorstel bestaat niet.");
    if (!input.scope.includes(suggestion.regionId)) {
      return workflowFailure(403, "Alleen de leertuinbegeleiders van deze regio beslissen hierover.");
    }
    if (suggestion.status !== "open") {
      // Declining again with the same reason (a double submit) is the decision already made.
      if (suggestion.status === "declined" && suggestion.reason === input.reason) return { ok: true };
      return workflowFailure(409, "Over dit voorstel is intussen al besloten.");
    }
    closeSuggestion(tx, suggestion, {
      outcome: { status: "declined", reason: input.reason },
      actorId: input.actorId,
      at: new Date().toISOString(),
      href: "/meldingen",
    });
    recordAudit(tx, {
      actorId: input.actorId,
      action: "suggestion.decline",
      targetType: "suggestion",
      targetId: suggestion.id,
      regionId: suggestion.regionId,
    });
    return { ok: true };
  });
}

/** Closes an open suggestion, adopted or declined (with its reason), and tells the member who made it. */
export function closeSuggestion(
  tx: Executor,
  suggestion: { id: number; suggestedBy: number | null },
  input: {
    outcome: { status: "adopted" } | { status: "declined"; reason: string };
    actorId: number;
    at: string;
    href: string;
  },
) {
  const { outcome } = input;
  tx.update(t.adoptionSuggestions)
    .set({
      status: outcome.status,
      reason: outcome.status === "declined" ? outcome.reason : undefined,
      decidedBy: input.actorId,
      decidedAt: input.at,
    })
    .where(eq(t.adoptionSuggestions.id, suggestion.id))
    .run();
  notify(tx, {
    userId: suggestion.suggestedBy,
    actorId: input.actorId,
    kind: "suggestion-decided",
    message:
      outcome.status === "adopted"
        ? "Een afspraak die u voorstelde over te nemen, is overgenomen."
        : `Een afspraak die u voorstelde over te nemen, is niet overgenomen. Reden: ${outcome.reason}`,
    href: input.href,
  });
}

/** Open suggestions on a region's agenda, with the answer they point at. */
export function listOpenSuggestions(db: Db, regionId: number) {
  const sourceRegion = alias(t.regions, "source_region");
  return db
    .select({
      id: t.adoptionSuggestions.id,
      noteMd: t.adoptionSuggestions.noteMd,
      createdAt: t.adoptionSuggestions.createdAt,
      suggestedBy: t.users.name,
      dilemmaSlug: t.dilemmas.slug,
      dilemmaTitle: t.dilemmas.title,
      sourceRegionSlug: sourceRegion.slug,
      sourceRegionName: sourceRegion.name,
      version: t.answerVersions.version,
      verdict: t.answerVersions.verdict,
    })
    .from(t.adoptionSuggestions)
    .innerJoin(t.answerVersions, eq(t.answerVersions.id, t.adoptionSuggestions.answerVersionId))
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.answers.dilemmaId))
    .innerJoin(sourceRegion, eq(sourceRegion.id, t.answers.regionId))
    .leftJoin(t.users, eq(t.users.id, t.adoptionSuggestions.suggestedBy))
    .where(and(eq(t.adoptionSuggestions.regionId, regionId), eq(t.adoptionSuggestions.status, "open")))
    .orderBy(desc(t.adoptionSuggestions.id))
    .all();
}
