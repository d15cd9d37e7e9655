import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// Not inside startTransition: with React 18.3 a choice made while a transition-lane hydration of the whole
// document is still running throws "Root did not complete" (#345) and the page never becomes interactive.
hydrateRoot(
  document,
  <StrictMode>
    <RemixBrowser />
  </StrictMode>,
);
