/** Shared by the form (its hint) and the server (its check). */
export const MIN_PASSWORD_LENGTH = 12;
