import nodemailer, { type Transporter } from "nodemailer";

import { getEnv } from "~/utils/env.server";

export const DEFAULT_MAIL_FROM = "Leertuin <noreply@leertuin.invalid>";

export const mailFrom = () => getEnv().MAIL_FROM ?? DEFAULT_MAIL_FROM;

/** The bare address of MAIL_FROM, for the mailto: of List-Unsubscribe. */
export const mailFromAddress = () => /<([^>]+)>$/.exec(mailFrom())?.[1] ?? mailFrom();

/** A nodemailer transport for SMTP_URL, or null when it is not set (mail then waits in the outbox). */
export function createSmtpTransport(): Transporter | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  // Short timeouts: a hanging server delays the next attempt, never a request (the worker runs apart).
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
}
