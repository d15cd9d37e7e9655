import { and, asc, eq, isNull } from "drizzle-orm";

import type { Db } from "~/utils/db.server";
import * as t from "../../db/schema";

/**
 * Everything Leertuin stores about one person (AVG art. 15 and 20), as the JSON they download. Keys
 * are Dutch because the person reads them. Secrets stay out: no password hash, no session or reset
 * token hash, and nothing that names other people (who approved a membership, who hid a comment).
 */
export function exportAccountData(db: Db, userId: number, currentSessionHash: string | null) {
  const user = db
    .select({
      id: t.users.id,
      email: t.users.email,
      name: t.users.name,
      profession: t.users.profession,
      organisation: t.organisations.name,
      isAdmin: t.users.isAdmin,
      mailPreference: t.users.mailPreference,
      createdAt: t.users.createdAt,
      updatedAt: t.users.updatedAt,
    })
    .from(t.users)
    .leftJoin(t.organisations, eq(t.organisations.id, t.users.organisationId))
    .where(eq(t.users.id, userId))
    .get();
  if (!user) return null;

  const memberships = db
    .select({
      region: t.regions.name,
      role: t.memberships.role,
      status: t.memberships.status,
      createdAt: t.memberships.createdAt,
      decidedAt: t.memberships.decidedAt,
    })
    .from(t.memberships)
    .innerJoin(t.regions, eq(t.regions.id, t.memberships.regionId))
    .where(eq(t.memberships.userId, userId))
    .orderBy(asc(t.memberships.createdAt))
    .all();
  const sessions = db
    .select({
      idHash: t.sessions.idHash,
      createdAt: t.sessions.createdAt,
      expiresAt: t.sessions.expiresAt,
      lastSeenAt: t.sessions.lastSeenAt,
    })
    .from(t.sessions)
    .where(eq(t.sessions.userId, userId))
    .orderBy(asc(t.sessions.createdAt))
    .all();
  const totp = db
    .select({ enabledAt: t.totpCredentials.enabledAt })
    .from(t.totpCredentials)
    .where(eq(t.totpCredentials.userId, userId))
    .get();
  const unusedRecoveryCodes = db
    .select({ id: t.recoveryCodes.codeHash })
    .from(t.recoveryCodes)
    .where(and(eq(t.recoveryCodes.userId, userId), isNull(t.recoveryCodes.usedAt)))
    .all().length;
  const comments = db
    .select({
      id: t.comments.id,
      dilemma: t.dilemmas.slug,
      body: t.comments.bodyMd,
      createdAt: t.comments.createdAt,
      hiddenAt: t.comments.hiddenAt,
      hiddenReason: t.comments.hiddenReason,
    })
    .from(t.comments)
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.comments.dilemmaId))
    .where(eq(t.comments.authorId, userId))
    .orderBy(asc(t.comments.createdAt))
    .all();
  const dilemmas = db
    .select({
      slug: t.dilemmas.slug,
      title: t.dilemmas.title,
      question: t.dilemmas.question,
      situation: t.dilemmas.situationMd,
      purpose: t.dilemmas.purpose,
      status: t.dilemmas.status,
      statusReason: t.dilemmas.statusReason,
      createdAt: t.dilemmas.createdAt,
    })
    .from(t.dilemmas)
    .where(eq(t.dilemmas.proposedBy, userId))
    .orderBy(asc(t.dilemmas.createdAt))
    .all();
  const versions = db
    .select({
      dilemma: t.dilemmas.slug,
      region: t.regions.name,
      version: t.answerVersions.version,
      verdict: t.answerVersions.verdict,
      agreement: t.answerVersions.agreementMd,
      publishedAt: t.answerVersions.publishedAt,
      createdAt: t.answerVersions.createdAt,
    })
    .from(t.answerVersions)
    .innerJoin(t.answers, eq(t.answers.id, t.answerVersions.answerId))
    .innerJoin(t.dilemmas, eq(t.dilemmas.id, t.answers.dilemmaId))
    .innerJoin(t.regions, eq(t.regions.id, t.answers.regionId))
    .where(eq(t.answerVersions.createdBy, userId))
    .orderBy(asc(t.answerVersions.createdAt))
    .all();
  const audit = db
    .select({
      action: t.auditLog.action,
      targetType: t.auditLog.targetType,
      targetId: t.auditLog.targetId,
      region: t.regions.name,
      summary: t.auditLog.summary,
      createdAt: t.auditLog.createdAt,
    })
    .from(t.auditLog)
    .leftJoin(t.regions, eq(t.regions.id, t.auditLog.regionId))
    .where(eq(t.auditLog.actorId, userId))
    .orderBy(asc(t.auditLog.id))
    .all();
  const resets = db
    .select({
      createdAt: t.passwordResets.createdAt,
      expiresAt: t.passwordResets.expiresAt,
      usedAt: t.passwordResets.usedAt,
    })
    .from(t.passwordResets)
    .where(eq(t.passwordResets.userId, userId))
    .orderBy(asc(t.passwordResets.createdAt))
    .all();

  return {
    toelichting:
      "Alle gegevens die Leertuin over u bewaart. Wachtwoorden en sessiesleutels staan er niet in: die bewaren we alleen als onomkeerbare code (hash), en ook die geven we niet uit.",
    gedownload_op: new Date().toISOString(),
    account: {
      id: user.id,
      naam: user.name,
      e_mailadres: user.email,
      beroep: user.profession,
      organisatie: user.organisation,
      platformbeheerder: user.isAdmin,
      e_mailvoorkeur: user.mailPreference ?? "standaard",
      aangemaakt_op: user.createdAt,
      gewijzigd_op: user.updatedAt,
    },
    e_mails: db
      .select({
        onderwerp: t.mailOutbox.subject,
        soort: t.mailOutbox.kind,
        status: t.mailOutbox.status,
        gemaakt_op: t.mailOutbox.createdAt,
        verzonden_op: t.mailOutbox.sentAt,
      })
      .from(t.mailOutbox)
      .where(eq(t.mailOutbox.userId, userId))
      .orderBy(asc(t.mailOutbox.id))
      .all(),
    lidmaatschappen: memberships.map((m) => ({
      regio: m.region,
      rol: m.role,
      status: m.status,
      aangevraagd_op: m.createdAt,
      besloten_op: m.decidedAt,
    })),
    sessies: sessions.map((s) => ({
      begonnen_op: s.createdAt,
      verloopt_op: s.expiresAt,
      laatst_actief_op: s.lastSeenAt ?? s.createdAt,
      deze_sessie: s.idHash === currentSessionHash,
    })),
    // The secret and the recovery codes stay out, like passwords: only whether it is on.
    tweestapsverificatie: totp
      ? { aan: true, aan_sinds: totp.enabledAt, ongebruikte_herstelcodes: unusedRecoveryCodes }
      : { aan: false },
    reacties: comments.map((c) => ({
      id: c.id,
      dilemma: c.dilemma,
      tekst: c.body,
      geplaatst_op: c.createdAt,
      verborgen_op: c.hiddenAt,
      reden_verborgen: c.hiddenReason,
    })),
    voorgestelde_dilemmas: dilemmas.map((d) => ({
      slug: d.slug,
      titel: d.title,
      vraag: d.question,
      situatie: d.situation,
      doel: d.purpose,
      status: d.status,
      reden_status: d.statusReason,
      voorgesteld_op: d.createdAt,
    })),
    afspraakversies: versions.map((v) => ({
      dilemma: v.dilemma,
      regio: v.region,
      versie: v.version,
      oordeel: v.verdict,
      afspraak: v.agreement,
      gepubliceerd_op: v.publishedAt,
      gemaakt_op: v.createdAt,
    })),
    logboek: audit.map((a) => ({
      actie: a.action,
      soort: a.targetType,
      id: a.targetId,
      regio: a.region,
      samenvatting: a.summary,
      op: a.createdAt,
    })),
    wachtwoordherstel: resets.map((r) => ({
      aangemaakt_op: r.createdAt,
      verloopt_op: r.expiresAt,
      gebruikt_op: r.usedAt,
    })),
  };
}
