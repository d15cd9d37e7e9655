import pino from "pino";

import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

/**
 * One JSON line per event in production (for a log collector), readable lines in development, nothing
 * in tests. Lines never hold e-mail addresses, request bodies, query strings or other free text.
 */
export function logger(): pino.Logger {
  return singleton("logger", () => {
    const env = getEnv();
    if (env.NODE_ENV === "test") return pino({ level: "silent" });
    if (env.NODE_ENV === "development")
      return pino({ level: env.LOG_LEVEL, transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } });
    return pino({ level: env.LOG_LEVEL, base: { service: "leertuin" } });
  });
}
