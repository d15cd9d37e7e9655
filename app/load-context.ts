import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's network address as TRUST_PROXY says to read it (client-address.server.ts). */
    clientAddress: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
