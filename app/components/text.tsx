import type { ReactNode } from "react";

type Level = 1 | 2 | 3 | 4;

export function Heading({
  level,
  children,
  id,
  className = "",
}: {
  level: Level;
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`utrecht-heading-${level} ${className}`.trim()}>
      {children}
    </Tag>
  );
}

export function Paragraph({
  children,
  lead = false,
  small = false,
}: {
  children: ReactNode;
  lead?: boolean;
  small?: boolean;
}) {
  const modifier = lead ? " utrecht-paragraph--lead" : small ? " utrecht-paragraph--small" : "";
  return <p className={`utrecht-paragraph${modifier}`}>{children}</p>;
}

/** Markdown that the server rendered and sanitised (see markdown.server.ts). */
export function RichText({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div className={`utrecht-rich-text rich-text ${className}`.trim()} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
