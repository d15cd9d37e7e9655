/** Shared by the form (its hint) and the server (its check). */
export const MIN_PASSWORD_LENGTH = 12;

/** How long a password-reset link works. */
export const RESET_LINK_HOURS = 72;

/** The hint under every new-password field. */
export const PASSWORD_HINT = `Minstens ${MIN_PASSWORD_LENGTH} tekens en niet makkelijk te raden: niet uw naam of e-mailadres en geen bekend wachtwoord. Een zin van een paar gewone woorden werkt goed.`;
