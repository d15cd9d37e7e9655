import { afterEach, vi } from "vitest";

/**
 * For modules that read the environment once: `setEnv` resets the module registry and puts these
 * variables over the test file's own; after each test the file's environment comes back.
 */
export function useEnvironment() {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });
  return function setEnv(env: Record<string, string | undefined>) {
    vi.resetModules();
    process.env = { ...saved, ...env };
  };
}
