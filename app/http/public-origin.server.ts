import { getEnv } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

// A singleton: the HTTP server (server.server.ts) and the Remix build each load their own copy of this module.
const listening = () => singleton("listening-port", () => ({ port: undefined as number | undefined }));

/** Told by the server once it listens, so the default origin names the port really in use (tests listen on port 0). */
export function setListeningPort(port: number) {
  listening().port = port;
}

/**
 * The origin every absolute link starts with: PUBLIC_URL, else http://localhost:<port>. Never the request's
 * Host or X-Forwarded-Host: a client chooses those, and the page cache would hand them to everyone.
 */
export function publicOrigin(): string {
  const env = getEnv();
  return env.PUBLIC_URL ?? `http://localhost:${listening().port ?? env.PORT}`;
}

/** An absolute URL for a path of Leertuin. */
export function publicUrl(path: string): string {
  return new URL(path, publicOrigin()).href;
}
