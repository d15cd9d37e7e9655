import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { Heading, Paragraph, RichText } from "~/components/text";
import { glossary } from "~/content/library-files.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = () =>
  pageMeta("Begrippenlijst", "Wat de vaktermen en afkortingen in de dilemma's en afspraken betekenen.");

/** Public: the glossary of content/begrippen.yml, alphabetical, each term with its own anchor. */
export function loader() {
  const terms = [...glossary()]
    .sort((a, b) => a.term.localeCompare(b.term, "nl"))
    .map((t) => ({ slug: t.slug, term: t.term, also: t.also, definitionHtml: renderMarkdown(t.definitionMd) }));
  return { terms };
}

export default function Glossary() {
  const { terms } = useLoaderData<typeof loader>();
  return (
    <div className="page-width">
      <Heading level={1}>Begrippenlijst</Heading>
      <Paragraph lead>
        Wat de vaktermen en afkortingen betekenen die in de dilemma&apos;s, afspraken en samenvattingen van wetten
        voorkomen.
      </Paragraph>
      {terms.length === 0 ? (
        <Paragraph>Er zijn nog geen begrippen beschreven.</Paragraph>
      ) : (
        <dl className="glossary">
          {terms.map((t) => (
            <div key={t.slug} id={t.slug} className="glossary__entry">
              <dt>
                <strong>{t.term}</strong>
                {t.also.length > 0 && <span className="glossary__also"> ({t.also.join(", ")})</span>}
              </dt>
              <dd>
                <RichText html={t.definitionHtml} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
