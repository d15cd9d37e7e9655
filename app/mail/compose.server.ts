import { publicUrl } from "~/http/public-origin.server";
import { unsubscribePath } from "~/utils/paths";
import { unsubscribeToken } from "./unsubscribe-token.server";

/** One line of a mail: a title-level sentence and the page it is about. */
export interface MailItem {
  line: string;
  href: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A notification's sentence as a mail may carry it: a reason a facilitator typed is free text that
 * might describe a family, so it stays in the app (the mail links to where it can be read).
 */
export function mailSafeLine(message: string): string {
  return message.replace(/\s*Reden:[\s\S]*$/, "").trim();
}

export const unsubscribeUrl = (userId: number) => publicUrl(unsubscribePath(unsubscribeToken(userId)));

/** A Dutch mail in plain text and simple HTML: an opening, the items with their links, and the footer. */
export function composeMail(input: {
  userId: number;
  subject: string;
  intro: string;
  items: readonly MailItem[];
  more?: string;
}): ComposedMail {
  const items = input.items.map((item) => ({ line: mailSafeLine(item.line), url: publicUrl(item.href) }));
  const settings = publicUrl("/account#e-mail-titel");
  const unsubscribe = unsubscribeUrl(input.userId);
  const text = [
    input.intro,
    "",
    ...items.flatMap((item) => [`- ${item.line}`, `  ${item.url}`]),
    ...(input.more ? ["", input.more] : []),
    "",
    "--",
    "U krijgt deze e-mail van Leertuin omdat u er een account heeft.",
    `Kies hoe vaak u e-mail krijgt: ${settings}`,
    `Geen e-mail meer: ${unsubscribe}`,
    "",
  ].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>',
    escapeHtml(input.subject),
    '</title></head><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(input.intro)}</p><ul>`,
    ...items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.line)}</a></li>`),
    "</ul>",
    input.more ? `<p>${escapeHtml(input.more)}</p>` : "",
    '<hr><p style="font-size:90%">U krijgt deze e-mail van Leertuin omdat u er een account heeft. ',
    `<a href="${escapeHtml(settings)}">Kies hoe vaak u e-mail krijgt</a> of `,
    `<a href="${escapeHtml(unsubscribe)}">meld u af voor alle e-mail</a>.</p>`,
    "</body></html>",
  ].join("");
  return { subject: input.subject, text, html };
}
