// TRUST_PROXY and PUBLIC_URL as the environment gives them: validated at start, read as README says.
import type { IncomingMessage } from "node:http";

import { describe, expect, it } from "vitest";

import { useEnvironment } from "../support/env";

const setEnv = useEnvironment();

async function withEnv(env: Record<string, string | undefined>) {
  setEnv(env);
  const { getEnv } = await import("~/utils/env.server");
  const address = await import("~/http/client-address.server");
  const origin = await import("~/http/public-origin.server");
  return { getEnv, ...address, ...origin };
}

const request = (headers: Record<string, string>, remoteAddress = "172.16.5.4") =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("TRUST_PROXY", () => {
  it("trusts nothing by default: the socket's address, whatever X-Forwarded-For or Fly-Client-IP say", async () => {
    const { getEnv, clientAddress, expressTrustProxy } = await withEnv({ TRUST_PROXY: undefined });
    expect(getEnv().TRUST_PROXY).toEqual({ kind: "none" });
    expect(expressTrustProxy()).toBe(false);
    expect(clientAddress(request({ "x-forwarded-for": "1.2.3.4", "fly-client-ip": "5.6.7.8" }))).toBe("172.16.5.4");
  });

  it("reads Fly-Client-IP on Fly", async () => {
    const { clientAddress, expressTrustProxy } = await withEnv({ TRUST_PROXY: "fly" });
    expect(expressTrustProxy()).toBe(false);
    expect(clientAddress(request({ "x-forwarded-for": "1.2.3.4, 66.241.0.1", "fly-client-ip": "203.0.113.9" }))).toBe(
      "203.0.113.9",
    );
  });

  it("counts hops of X-Forwarded-For from the right, and takes a list of proxies", async () => {
    const hops = await withEnv({ TRUST_PROXY: "1" });
    expect(hops.expressTrustProxy()).toBe(1);
    expect(hops.clientAddress(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    const list = await withEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" });
    expect(list.expressTrustProxy()).toEqual(["loopback", "10.0.0.0/8"]);
  });

  it.each(["true", "yes", "*", "1.2.3.4/99x"])("refuses %j at start, naming the variable", async (value) => {
    const { getEnv } = await withEnv({ TRUST_PROXY: value });
    expect(() => getEnv()).toThrow(/TRUST_PROXY/);
  });
});

describe("PUBLIC_URL", () => {
  it("is required in production without demo data", async () => {
    const { getEnv } = await withEnv({ NODE_ENV: "production", LEERTUIN_DEMO: "0", PUBLIC_URL: undefined });
    expect(() => getEnv()).toThrow(/PUBLIC_URL: required in production/);
  });

  it("is an origin only, and every absolute link starts with it", async () => {
    const { publicOrigin, publicUrl } = await withEnv({ PUBLIC_URL: "https://leertuin.nl/" });
    expect(publicOrigin()).toBe("https://leertuin.nl");
    expect(publicUrl("/wachtwoord-herstellen/abc")).toBe("https://leertuin.nl/wachtwoord-herstellen/abc");
    for (const bad of ["leertuin.nl", "ftp://leertuin.nl", "https://leertuin.nl/pad", "https://a:b@leertuin.nl"]) {
      const { getEnv } = await withEnv({ PUBLIC_URL: bad });
      expect(() => getEnv(), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it("defaults to localhost and the port the server listens on", async () => {
    const { publicOrigin, setListeningPort } = await withEnv({ PUBLIC_URL: undefined, PORT: "3000" });
    expect(publicOrigin()).toBe("http://localhost:3000");
    setListeningPort(41234);
    expect(publicOrigin()).toBe("http://localhost:41234");
  });
});
