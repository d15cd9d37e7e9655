import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * RemixBrowser's first render suspends until the loader data streamed into the page is decoded. A
 * hydration suspended at the root has no boundary to wait in: a choice made in that moment (a discrete
 * event) makes React 18.3 finish it at once, which it cannot, and it throws #345 ("Root did not
 * complete"), leaving the page dead. So the decoding is started and awaited before React takes over:
 * called outside React, RemixBrowser starts it and throws the promise it would suspend on.
 */
async function loaderDataDecoded(): Promise<void> {
  try {
    RemixBrowser({});
  } catch (suspendedOn) {
    if (suspendedOn instanceof Promise) await suspendedOn;
  }
}

// Not inside startTransition: a choice made during a transition-lane hydration of the whole document
// also threw #345.
void loaderDataDecoded().then(() =>
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  ),
);
