// The one place that imports Remix's Link and NavLink: every other module links through this one
// (eslint enforces it).
import {
  // eslint-disable-next-line no-restricted-imports
  Link as RemixLink,
  type LinkProps,
  // eslint-disable-next-line no-restricted-imports
  NavLink as RemixNavLink,
  useLocation,
} from "@remix-run/react";
import { forwardRef, type ReactNode, useContext } from "react";

import { ScriptsRunContext } from "./page-scripts";

const ROUTER_PROPS = [
  "discover",
  "prefetch",
  "fetcherKey",
  "navigate",
  "reloadDocument",
  "replace",
  "state",
  "preventScrollReset",
  "relative",
  "viewTransition",
] as const;

/** A Remix Link's or Form's props without those only the browser's router reads: for the plain element. */
export function htmlAttributes<P extends object>(props: P): Omit<P, (typeof ROUTER_PROPS)[number]> {
  const html: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const name of ROUTER_PROPS) delete html[name];
  return html as Omit<P, (typeof ROUTER_PROPS)[number]>;
}

/**
 * A link within Leertuin. On a page sent without scripts Remix's Link renders the same `<a href>` after
 * work that only the browser's router needs (route resolution, prefetch and discovery hooks: about
 * 20 µs a link on the server, measured in #19), so there a path from the site's root becomes a plain
 * anchor. On pages React runs, and for relative targets, it is Remix's Link.
 */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  const scripts = useContext(ScriptsRunContext);
  const { to } = props;
  if (scripts || typeof to !== "string" || !to.startsWith("/")) return <RemixLink ref={ref} {...props} />;
  const { to: _to, ...anchor } = htmlAttributes(props);
  // The children come with the props, as with any link.
  // eslint-disable-next-line jsx-a11y/anchor-has-content
  return <a ref={ref} href={to} {...anchor} />;
});

/**
 * A link of the main navigation: marked as the current section (`aria-current="page"` and the class
 * `active`) on its page and the pages below it. A plain anchor on a page sent without scripts, as Link.
 */
export function NavLink({ to, className, children }: { to: `/${string}`; className: string; children: ReactNode }) {
  const scripts = useContext(ScriptsRunContext);
  const { pathname } = useLocation();
  if (scripts)
    return (
      <RemixNavLink className={className} to={to} prefetch="intent">
        {children}
      </RemixNavLink>
    );
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <a href={to} className={current ? `${className} active` : className} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
