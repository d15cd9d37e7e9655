// The learning garden's writes called directly on a real, migrated database, without HTTP: each one's
// success, its refusal of someone who may not, and its audit entry. Who may reach them at all is the
// routes' check (tests/integration/permission-matrix.test.ts).
import { describe, expect, it } from "vitest";

import { RegionScope } from "~/auth/region-scope";
import { reconfirmAnswer } from "~/review/review-list.server";
import type { Db } from "~/utils/db.server";
import {
  type AnswerForm,
  AnswerFormSchema,
  editorBasis,
  publishAnswer,
  saveDraft,
  startAdoption,
  withdrawAnswer,
} from "~/workflow/answer-editing.server";
import { addComment, hideComment } from "~/workflow/comments.server";
import { decideProposal, type Proposal, proposeDilemma } from "~/workflow/proposals.server";
import { declineSuggestion, suggestAdoption } from "~/workflow/suggestions.server";
import { ANSWER_FIELDS } from "../support/http";
import { idOf, lastAudit, rowCount, useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

const PROPOSAL: Proposal = {
  region: "zeeland",
  title: "Zorgen over een leerling thuis",
  question: "Mag de school het wijkteam inlichten over zorgen thuis?",
  situation: "Een leerling vertelt over spanningen thuis en wil niet dat de school iets doet.",
  purpose: "",
  holderSector: "onderwijs",
  askingSectors: ["wijkteam"],
  themes: ["signalen"],
};

function answerForm(agreement: string = ANSWER_FIELDS.agreement): AnswerForm {
  return AnswerFormSchema.parse({ ...ANSWER_FIELDS, agreement, citations: [] });
}

/** The demo accounts and regions the tests act as and in. */
function people(db: Db) {
  return {
    zeeland: idOf(db, "regions", "zeeland"),
    twente: idOf(db, "regions", "twente"),
    member: idOf(db, "users", "lid.zeeland@leertuin.test"),
    twenteMember: idOf(db, "users", "lid.twente@leertuin.test"),
    facilitator: idOf(db, "users", "begeleider.zeeland@leertuin.test"),
    twenteFacilitator: idOf(db, "users", "begeleider.twente@leertuin.test"),
  };
}

const notificationsOf = (db: Db, userId: number) =>
  db.$client.prepare("select kind from notifications where user_id = ? order by id").pluck().all(userId) as string[];

const dilemmaRow = (db: Db, slug: string) =>
  db.$client.prepare("select id, status, updated_at as updatedAt from dilemmas where slug = ?").get(slug) as {
    id: number;
    status: string;
    updatedAt: string;
  };

/** A proposal by the Zeeland member, not yet decided on. */
function proposedByMember(db: Db, p: ReturnType<typeof people>) {
  const proposed = proposeDilemma(db, { userId: p.member, scope: RegionScope.of([p.zeeland]), proposal: PROPOSAL });
  if (!proposed.ok) throw new Error(proposed.message);
  return { slug: proposed.slug, id: dilemmaRow(db, proposed.slug).id };
}

/** A Zeeland member's proposal, put on Zeeland's agenda by its facilitator. */
function dilemmaOnAgenda(db: Db) {
  const p = people(db);
  const { slug, id } = proposedByMember(db, p);
  expect(
    decideProposal(db, {
      actorId: p.facilitator,
      scope: RegionScope.of([p.zeeland]),
      dilemmaId: id,
      decision: "accept",
    }),
  ).toEqual({ ok: true });
  return { ...p, dilemmaId: id, slug };
}

/** Zeeland's answer on a dilemma of its agenda, published as version 1. */
function publishedAnswer(db: Db) {
  const context = dilemmaOnAgenda(db);
  const target = { actorId: context.facilitator, dilemmaId: context.dilemmaId, regionId: context.zeeland };
  expect(publishAnswer(db, target, answerForm())).toEqual({ ok: true, version: 1 });
  const answerId = db.$client
    .prepare("select id from answers where dilemma_id = ? and region_id = ?")
    .pluck()
    .get(context.dilemmaId, context.zeeland) as number;
  const versionId = db.$client
    .prepare("select id from answer_versions where answer_id = ? and version = 1")
    .pluck()
    .get(answerId) as number;
  return { ...context, target, answerId, versionId };
}

describe("proposing a dilemma", () => {
  it("stores the proposal with its themes and sectors, tells the region's facilitator and writes the audit entry", () => {
    const db = database();
    const p = people(db);
    const result = proposeDilemma(db, { userId: p.member, scope: RegionScope.of([p.zeeland]), proposal: PROPOSAL });
    expect(result).toEqual({ ok: true, slug: "zorgen-over-een-leerling-thuis" });
    const dilemma = dilemmaRow(db, "zorgen-over-een-leerling-thuis");
    expect(dilemma.status).toBe("proposed");
    expect(
      db.$client.prepare("select theme_slug from dilemma_themes where dilemma_id = ?").pluck().all(dilemma.id),
    ).toEqual(["signalen"]);
    expect(notificationsOf(db, p.facilitator)).toEqual(["proposal-new"]);
    expect(lastAudit(db)).toEqual({
      actorId: p.member,
      action: "dilemma.propose",
      targetType: "dilemma",
      targetId: String(dilemma.id),
      regionId: p.zeeland,
    });
    // The same title again gets an address of its own.
    const again = proposeDilemma(db, { userId: p.member, scope: RegionScope.of([p.zeeland]), proposal: PROPOSAL });
    expect(again).toEqual({ ok: true, slug: "zorgen-over-een-leerling-thuis-2" });
  });

  it("refuses a region the member does not belong to, and writes nothing", () => {
    const db = database();
    const p = people(db);
    const [dilemmas, audit] = [rowCount(db, "dilemmas"), rowCount(db, "audit_log")];
    const result = proposeDilemma(db, {
      userId: p.twenteMember,
      scope: RegionScope.of([p.twente]),
      proposal: PROPOSAL,
    });
    expect(result).toMatchObject({ ok: false, field: "region", message: expect.stringContaining("lid") });
    expect([rowCount(db, "dilemmas"), rowCount(db, "audit_log")]).toEqual([dilemmas, audit]);
  });
});

describe("deciding on a proposal", () => {
  it("puts it on the agenda, tells the proposer and writes the audit entry", () => {
    const db = database();
    const p = people(db);
    const { slug, id } = proposedByMember(db, p);
    expect(
      decideProposal(db, {
        actorId: p.facilitator,
        scope: RegionScope.of([p.zeeland]),
        dilemmaId: id,
        decision: "accept",
      }),
    ).toEqual({ ok: true });
    expect(dilemmaRow(db, slug).status).toBe("on-agenda");
    expect(notificationsOf(db, p.member)).toEqual(["proposal-accepted"]);
    expect(lastAudit(db)).toMatchObject({ actorId: p.facilitator, action: "dilemma.accept", targetId: String(id) });
  });

  it("refuses a facilitator of another region and a stale view of the proposal, and writes nothing", () => {
    const db = database();
    const p = people(db);
    const { slug, id } = proposedByMember(db, p);
    const audit = rowCount(db, "audit_log");
    const reject = { decision: "reject" as const, reason: "Dit hoort niet bij de leertuin." };
    expect(
      decideProposal(db, { actorId: p.twenteFacilitator, scope: RegionScope.of([p.twente]), dilemmaId: id, ...reject }),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    const stale = {
      actorId: p.facilitator,
      scope: RegionScope.of([p.zeeland]),
      dilemmaId: id,
      basis: "2000-01-01T00:00:00.000Z",
    };
    expect(decideProposal(db, { ...stale, ...reject })).toMatchObject({ ok: false, status: 409 });
    expect(dilemmaRow(db, slug).status).toBe("proposed");
    expect(rowCount(db, "audit_log")).toBe(audit);
  });
});

describe("editing and publishing an answer", () => {
  it("saves a draft, then publishes it as version 1: the dilemma is answered, the proposer told, both audited", () => {
    const db = database();
    const { facilitator, member, zeeland, dilemmaId, slug } = dilemmaOnAgenda(db);
    const target = { actorId: facilitator, dilemmaId, regionId: zeeland };
    expect(saveDraft(db, target, answerForm(), editorBasis(db, null))).toEqual({ ok: true });
    expect(lastAudit(db)).toMatchObject({ actorId: facilitator, action: "answer.draft", targetType: "answer" });
    const answerId = db.$client.prepare("select id from answers where dilemma_id = ?").pluck().get(dilemmaId) as number;

    expect(publishAnswer(db, target, answerForm(), editorBasis(db, answerId))).toEqual({ ok: true, version: 1 });
    expect(dilemmaRow(db, slug).status).toBe("answered");
    expect(notificationsOf(db, member)).toContain("proposal-answered");
    const version = db.$client
      .prepare("select id, published_at as publishedAt from answer_versions where answer_id = ?")
      .get(answerId) as { id: number; publishedAt: string | null };
    expect(version.publishedAt).not.toBeNull();
    expect(lastAudit(db)).toEqual({
      actorId: facilitator,
      action: "answer.publish",
      targetType: "answer_version",
      targetId: String(version.id),
      regionId: zeeland,
    });
  });

  it("refuses a form based on a version that is no longer the newest, and keeps the other's version", () => {
    const db = database();
    const { target, answerId } = publishedAnswer(db);
    const opened = editorBasis(db, answerId);
    expect(publishAnswer(db, target, answerForm("Een collega herzag de afspraak intussen."), opened)).toEqual({
      ok: true,
      version: 2,
    });
    const [versions, audit] = [rowCount(db, "answer_versions"), rowCount(db, "audit_log")];
    const late = publishAnswer(db, target, answerForm("Mijn herziening, op de oude versie gebaseerd."), opened);
    expect(late).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("versie 2") });
    expect([rowCount(db, "answer_versions"), rowCount(db, "audit_log")]).toEqual([versions, audit]);
  });

  it("refuses an answer on a dilemma that is not on the agenda", () => {
    const db = database();
    const p = people(db);
    const { id } = proposedByMember(db, p);
    const target = { actorId: p.facilitator, dilemmaId: id, regionId: p.zeeland };
    const [answers, audit] = [rowCount(db, "answers"), rowCount(db, "audit_log")];
    expect(publishAnswer(db, target, answerForm())).toMatchObject({ ok: false, status: 409 });
    expect([rowCount(db, "answers"), rowCount(db, "audit_log")]).toEqual([answers, audit]);
  });
});

describe("comments", () => {
  it("stores a member's comment and a reply, telling the one replied to, each audited", () => {
    const db = database();
    const { member, twenteMember, dilemmaId } = publishedAnswer(db);
    const first = addComment(db, { authorId: member, dilemmaId, body: "Herkenbaar in onze praktijk." });
    expect(first).toMatchObject({ ok: true });
    const id = (first as { id: number }).id;
    expect(lastAudit(db)).toMatchObject({ actorId: member, action: "comment.create", targetId: String(id) });
    expect(addComment(db, { authorId: twenteMember, dilemmaId, parentId: id, body: "Bij ons ook." })).toMatchObject({
      ok: true,
    });
    expect(notificationsOf(db, member)).toContain("reply");
  });

  it("lets the dilemma's region's facilitator hide a comment, and refuses another region's", () => {
    const db = database();
    const { member, facilitator, twenteFacilitator, zeeland, twente, dilemmaId } = publishedAnswer(db);
    const { id } = addComment(db, { authorId: member, dilemmaId, body: "Noemt per ongeluk een school." }) as {
      id: number;
    };
    const hide = { dilemmaId, commentId: id, reason: "Noemt een herkenbare school." };
    const audit = rowCount(db, "audit_log");
    expect(hideComment(db, { actorId: twenteFacilitator, scope: RegionScope.of([twente]), ...hide })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(rowCount(db, "audit_log")).toBe(audit);

    expect(hideComment(db, { actorId: facilitator, scope: RegionScope.of([zeeland]), ...hide })).toEqual({ ok: true });
    expect(db.$client.prepare("select hidden_reason from comments where id = ?").pluck().get(id)).toBe(hide.reason);
    expect(notificationsOf(db, member)).toContain("comment-hidden");
    expect(lastAudit(db)).toMatchObject({ actorId: facilitator, action: "comment.hide", targetId: String(id) });
  });
});

describe("suggesting another region's answer", () => {
  it("puts the suggestion on the member's region's agenda, audited, and lets its facilitator decline it", () => {
    const db = database();
    const { versionId, twenteMember, twenteFacilitator, twente } = publishedAnswer(db);
    const suggest = {
      userId: twenteMember,
      scope: RegionScope.of([twente]),
      sourceVersionId: versionId,
      regionSlug: "twente",
    };
    expect(suggestAdoption(db, { ...suggest, note: "Past bij onze aanpak." })).toEqual({ ok: true });
    const suggestionId = db.$client.prepare("select max(id) from adoption_suggestions").pluck().get() as number;
    expect(lastAudit(db)).toEqual({
      actorId: twenteMember,
      action: "suggestion.create",
      targetType: "suggestion",
      targetId: String(suggestionId),
      regionId: twente,
    });
    expect(notificationsOf(db, twenteFacilitator)).toContain("suggestion-new");

    const decline = { suggestionId, reason: "We wachten op de nieuwe wet." };
    expect(declineSuggestion(db, { actorId: twenteFacilitator, scope: RegionScope.of([twente]), ...decline })).toEqual({
      ok: true,
    });
    expect(notificationsOf(db, twenteMember)).toContain("suggestion-decided");
    expect(lastAudit(db)).toMatchObject({ actorId: twenteFacilitator, action: "suggestion.decline" });
  });

  it("refuses a region the member does not belong to, and a facilitator of another region's decision", () => {
    const db = database();
    const { versionId, member, twenteMember, facilitator, zeeland, twente } = publishedAnswer(db);
    const audit = rowCount(db, "audit_log");
    const forTwente = { sourceVersionId: versionId, regionSlug: "twente", note: "" };
    expect(suggestAdoption(db, { userId: member, scope: RegionScope.of([zeeland]), ...forTwente })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(rowCount(db, "audit_log")).toBe(audit);
    suggestAdoption(db, { userId: twenteMember, scope: RegionScope.of([twente]), ...forTwente });
    const suggestionId = db.$client.prepare("select max(id) from adoption_suggestions").pluck().get() as number;
    const decline = { suggestionId, reason: "Niet aan ons om te beslissen." };
    expect(declineSuggestion(db, { actorId: facilitator, scope: RegionScope.of([zeeland]), ...decline })).toMatchObject(
      {
        ok: false,
        status: 403,
      },
    );
    expect(db.$client.prepare("select status from adoption_suggestions where id = ?").pluck().get(suggestionId)).toBe(
      "open",
    );
  });
});

describe("taking over another region's answer", () => {
  it("starts a draft for the region that points at the source version, audited", () => {
    const db = database();
    const { versionId, twenteFacilitator, twente, slug } = publishedAnswer(db);
    expect(startAdoption(db, { actorId: twenteFacilitator, sourceVersionId: versionId, regionId: twente })).toEqual({
      ok: true,
      dilemmaSlug: slug,
    });
    const draft = db.$client
      .prepare(
        "select av.id, a.region_id as regionId, av.published_at as publishedAt from answer_versions av join answers a on a.id = av.answer_id where av.adopted_from_version_id = ?",
      )
      .get(versionId) as { id: number; regionId: number; publishedAt: string | null };
    expect(draft).toMatchObject({ regionId: twente, publishedAt: null });
    expect(lastAudit(db)).toEqual({
      actorId: twenteFacilitator,
      action: "answer.adopt",
      targetType: "answer_version",
      targetId: String(draft.id),
      regionId: twente,
    });
  });

  it("refuses a region taking over its own answer, and a view of a version since revised", () => {
    const db = database();
    const { versionId, facilitator, twenteFacilitator, zeeland, twente, target } = publishedAnswer(db);
    const audit = rowCount(db, "audit_log");
    expect(startAdoption(db, { actorId: facilitator, sourceVersionId: versionId, regionId: zeeland })).toMatchObject({
      ok: false,
      status: 409,
    });
    publishAnswer(db, target, answerForm("Herzien na de evaluatie van dit jaar."));
    const stale = { actorId: twenteFacilitator, sourceVersionId: versionId, regionId: twente, sourceBasis: "1" };
    expect(startAdoption(db, stale)).toMatchObject({ ok: false, status: 409 });
    expect(rowCount(db, "audit_log")).toBe(audit + 1);
  });
});

describe("reviewing an answer in force", () => {
  it("reconfirms it: the next review date moves on from today, audited", () => {
    const db = database();
    const { answerId, facilitator, zeeland, versionId } = publishedAnswer(db);
    const result = reconfirmAnswer(db, { actorId: facilitator, regionId: zeeland, answerId, today: "2026-12-02" });
    expect(result).toEqual({ ok: true, nextReviewBy: expect.stringMatching(/^20(2[7-9]|3\d)-12-02$/) });
    expect(db.$client.prepare("select review_by from answer_versions where id = ?").pluck().get(versionId)).toBe(
      (result as { nextReviewBy: string }).nextReviewBy,
    );
    expect(lastAudit(db)).toEqual({
      actorId: facilitator,
      action: "answer.reconfirm",
      targetType: "answer",
      targetId: String(answerId),
      regionId: zeeland,
    });
  });

  it("refuses another region's facilitator reconfirming it, and writes nothing", () => {
    const db = database();
    const { answerId, twenteFacilitator, twente } = publishedAnswer(db);
    const audit = rowCount(db, "audit_log");
    expect(reconfirmAnswer(db, { actorId: twenteFacilitator, regionId: twente, answerId })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect([rowCount(db, "answer_reconfirmations"), rowCount(db, "audit_log")]).toEqual([0, audit]);
  });

  it("withdraws it with a reason: out of force, the dilemma back on the agenda, audited; another region cannot", () => {
    const db = database();
    const { answerId, facilitator, twenteFacilitator, zeeland, twente, dilemmaId, slug } = publishedAnswer(db);
    const reason = "De wet is veranderd; we herzien dit.";
    const audit = rowCount(db, "audit_log");
    expect(withdrawAnswer(db, { actorId: twenteFacilitator, dilemmaId, regionId: twente }, reason)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(rowCount(db, "audit_log")).toBe(audit);

    expect(withdrawAnswer(db, { actorId: facilitator, dilemmaId, regionId: zeeland }, reason)).toEqual({ ok: true });
    expect(db.$client.prepare("select status, withdrawn_reason from answers where id = ?").get(answerId)).toEqual({
      status: "withdrawn",
      withdrawn_reason: reason,
    });
    expect(dilemmaRow(db, slug).status).toBe("on-agenda");
    expect(lastAudit(db)).toEqual({
      actorId: facilitator,
      action: "answer.withdraw",
      targetType: "answer",
      targetId: String(answerId),
      regionId: zeeland,
    });
  });
});
