// Dutch names of what the audit log records, for the log page. Plain module: the page renders them.

export const AUDIT_CATEGORIES = {
  auth: "Inloggen en afmelden",
  account: "Accounts",
  membership: "Lidmaatschappen",
  content: "Bibliotheek",
  dilemma: "Dilemma's",
  answer: "Afspraken",
  comment: "Reacties",
  suggestion: "Overnamevoorstellen",
  region: "Regio's en organisaties",
  system: "Onderhoud door het platform",
} as const;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

const ACTION_LABELS: Record<string, string> = {
  "auth.login": "ingelogd",
  "auth.logout": "afgemeld",
  "auth.totp-enabled": "tweestapsverificatie ingesteld",
  "auth.totp-disabled": "tweestapsverificatie uitgezet",
  "auth.totp-failed": "onjuiste code bij tweestapsverificatie",
  "auth.totp-reset": "tweestapsverificatie gewist door het beheer (app en herstelcodes kwijt)",
  "auth.recovery-code-used": "herstelcode gebruikt",
  "account.register": "account aangevraagd",
  "account.create": "account aangemaakt",
  "account.updated": "accountgegevens gewijzigd",
  "account.password-changed": "wachtwoord gewijzigd",
  "account.password-reset": "wachtwoord hersteld met een herstellink",
  "account.reset-link-issued": "herstellink gemaakt",
  "account.deleted": "account verwijderd",
  "account.mail-preference": "e-mailvoorkeur gewijzigd",
  "account.mail-unsubscribed": "afgemeld voor e-mail (via de link in een e-mail)",
  "membership.request": "lidmaatschap aangevraagd",
  "membership.create": "lidmaatschap aangemaakt",
  "membership.approve": "lidmaatschap goedgekeurd",
  "membership.reject": "lidmaatschap afgewezen",
  "content.import": "bibliotheek geïmporteerd",
  "system.retention": "verlopen gegevens opgeruimd volgens de bewaartermijnen",
  "dilemma.propose": "dilemma voorgesteld",
  "dilemma.accept": "op de agenda gezet",
  "dilemma.reject": "voorstel afgewezen",
  "dilemma.merge": "voorstel samengevoegd",
  "answer.draft": "concept-afspraak opgeslagen",
  "answer.publish": "afspraak gepubliceerd",
  "answer.withdraw": "afspraak ingetrokken",
  "answer.reconfirm": "afspraak herbevestigd",
  "answer.adopt": "afspraak overgenomen (concept)",
  "comment.create": "reactie geplaatst",
  "comment.hide": "reactie verborgen",
  "suggestion.create": "overname voorgesteld",
  "suggestion.decline": "overnamevoorstel afgewezen",
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
