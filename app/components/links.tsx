import { type LinkProps } from "@remix-run/react";

import { Link } from "~/components/link";

export function TextLink({ className = "", ...props }: LinkProps) {
  return <Link className={`utrecht-link utrecht-link--html-a ${className}`.trim()} {...props} />;
}

export function ButtonLink({
  appearance = "secondary",
  className = "",
  ...props
}: LinkProps & { appearance?: "primary" | "secondary" }) {
  return (
    <Link
      className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance}-action ${className}`.trim()}
      {...props}
    />
  );
}

/** A link to a page outside Leertuin; says so to screen readers. */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={href} rel="noopener noreferrer external">
      {children}
      <span className="visually-hidden"> (externe website)</span>
    </a>
  );
}
