// The one place that imports Remix's Form: every other module uses this one (eslint enforces it).
// eslint-disable-next-line no-restricted-imports
import { Form as RemixForm, type FormProps } from "@remix-run/react";
import { forwardRef, useContext } from "react";

import { htmlAttributes } from "./link";
import { ScriptsRunContext } from "./page-scripts";

/**
 * A form of Leertuin. On a page sent without scripts Remix's Form renders the same `<form>` after work
 * that only the browser's router needs (measured in #19: about as much as the rest of a small form), so
 * there a form whose action is a path from the site's root is a plain form. On pages React runs, and
 * for a form that posts to its own route (no action), it is Remix's Form.
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form(props, ref) {
  const scripts = useContext(ScriptsRunContext);
  if (scripts || typeof props.action !== "string" || !props.action.startsWith("/"))
    return <RemixForm ref={ref} {...props} />;
  const { method = "get", ...form } = htmlAttributes(props);
  // HTML knows GET and POST; Remix sends its other methods as POST without scripts too.
  return <form ref={ref} method={method.toLowerCase() === "get" ? "get" : "post"} {...form} />;
});
