/** Shared by the form (its hint) and the server (its check). */
export const MIN_PASSWORD_LENGTH = 12;

/** How long a password-reset link works. */
export const RESET_LINK_HOURS = 72;
