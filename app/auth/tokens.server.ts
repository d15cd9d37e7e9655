import crypto from "node:crypto";

/** A random secret for a cookie or a link: 256 bits, URL-safe. */
export const newToken = () => crypto.randomBytes(32).toString("base64url");

/** Only a hash of a token is stored: a copy of the database holds no session or link anyone can use. */
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
