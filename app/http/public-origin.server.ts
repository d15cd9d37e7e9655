import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

// A singleton: the HTTP server (server.server.ts) and the Remix build each load their own copy of this module.
const listening = () => singleton("listening-port", () => ({ port: undefined as number | undefined }));

/** Told by the server once it listens, so the default origin names the port really in use (tests listen on port 0). */
export function setListeningPort(port: number) {
  listening().port = port;
}

/**
 * Leertuin's canonical origin, e.g. `https://leertuin.nl`: every absolute link (feeds, open data,
 * reset links, mails) starts with it. It comes from PUBLIC_URL — never from the request's Host or
 * X-Forwarded-Host, which a client chooses and the page cache would then hand to everyone. Without
 * PUBLIC_URL (development, demo) it is http://localhost and the port the server listens on.
 */
export function publicOrigin(): string {
  const env = getEnv();
  return env.PUBLIC_URL ?? `http://localhost:${listening().port ?? env.PORT}`;
}

/** An absolute URL for a path of Leertuin. */
export function publicUrl(path: string): string {
  return new URL(path, publicOrigin()).href;
}
