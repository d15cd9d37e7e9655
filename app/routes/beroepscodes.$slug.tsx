import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { VerdictBadge } from "~/components/badges";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DiffText } from "~/components/diff-text";
import { Link } from "~/components/link";
import { ExternalLink } from "~/components/links";
import { useNonce } from "~/components/nonce";
import type { ScriptsHandle } from "~/components/page-scripts";
import { Heading, Paragraph, RichText } from "~/components/text";
import { CODE_KIND_LABELS } from "~/domain/vocabulary";
import { type ArticleChange, changesAgainstPrevious, listEditions } from "~/editions/code-editions.server";
import { ALWAYS } from "~/editions/edition-in-force";
import { getCodeBySlug } from "~/models/code.server";
import { codeStructuredData, jsonForScript } from "~/models/structured-data.server";
import { formatDate } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { notFound, parseOr404, searchParamsObject } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params";
import { codePath, dilemmaAnswerPath } from "~/utils/paths";

/** `?editie=YYYY-MM-DD`: the edition in force from that date (a citation links to the one of its answer). */
const SearchSchema = z.object({
  editie: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? pageMeta(data.code.title) : pageMeta("Beroepscode niet gevonden");

export function loader({ params, request }: LoaderFunctionArgs) {
  const { slug } = parseOr404(SlugParamsSchema, params, "Deze beroepscode of wet bestaat niet.");
  const { editie } = parseOr404(SearchSchema, searchParamsObject(request.url), "Deze editie bestaat niet.");
  const db = getDb();
  const code = getCodeBySlug(db, slug);
  if (!code) notFound("Deze beroepscode of wet bestaat niet.");
  const editions = listEditions(db, code.id);
  const shownIndex = editie ? editions.findIndex((e) => e.effectiveFrom === editie) : editions.length - 1;
  if (editie && shownIndex < 0) notFound("Deze editie van de beroepscode of wet bestaat niet.");
  const shown = editions[shownIndex];
  const previous = shownIndex > 0 ? editions[shownIndex - 1] : undefined;
  const changes =
    shown && previous ? changesAgainstPrevious(previous.articles, shown.articles) : new Map<string, ArticleChange>();
  const citedBy = new Map(code.articles.map((a) => [a.anchor, a.citedBy]));
  // Without editions (not imported yet) the code's own articles are the text.
  const articles = shown ? shown.articles : code.articles;
  const structuredData = codeStructuredData(
    code,
    {
      effectiveFrom: shown && shown.effectiveFrom !== ALWAYS ? shown.effectiveFrom : null,
      inForce: !shown?.endsOn || shown.endsOn > new Date().toISOString().slice(0, 10),
      editie: editie && shownIndex < editions.length - 1 ? editie : undefined,
    },
    articles,
  );
  return {
    structuredData: jsonForScript(structuredData),
    editions: editions.map((e, i) => ({
      label: e.label,
      effectiveFrom: e.effectiveFrom,
      effectiveText: e.effectiveFrom === ALWAYS ? null : formatDate(e.effectiveFrom),
      endsText: e.endsOn ? formatDate(e.endsOn) : null,
      summaryHtml: e.summaryMd ? renderMarkdown(e.summaryMd) : "",
      shown: i === shownIndex,
      newest: i === editions.length - 1,
    })),
    shownLabel: shown?.label ?? null,
    previousLabel: previous?.label ?? null,
    newestLabel: editions.at(-1)?.label ?? null,
    removed: [...changes.entries()].flatMap(([anchor, change]) =>
      change.kind === "removed" ? [{ anchor, heading: change.previous.heading }] : [],
    ),
    articles: articles.map(({ bodyMd, ...article }) => {
      const change = changes.get(article.anchor);
      return {
        anchor: article.anchor,
        heading: article.heading,
        html: renderMarkdown(bodyMd),
        citedBy: citedBy.get(article.anchor) ?? [],
        change:
          change?.kind === "changed"
            ? { kind: "changed" as const, diff: change.diff }
            : change?.kind === "new"
              ? { kind: "new" as const }
              : null,
      };
    }),
    code: {
      slug: code.slug,
      title: code.title,
      kind: code.kind,
      issuer: code.issuer,
      profession: code.profession,
      version: code.version,
      sourceUrl: code.sourceUrl,
      introHtml: code.introMd ? renderMarkdown(code.introMd) : "",
    },
  };
}

export default function CodePage() {
  const { code, articles, editions, shownLabel, previousLabel, newestLabel, removed, structuredData } =
    useLoaderData<typeof loader>();
  const nonce = useNonce();
  const shown = editions.find((e) => e.shown);
  return (
    <div className="page-width">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: structuredData }} />
      <Breadcrumbs
        trail={[
          { to: "/", label: "Home" },
          { to: "/beroepscodes", label: "Beroepscodes en wetten" },
        ]}
        current={code.title}
      />
      <Heading level={1}>{code.title}</Heading>
      <dl className="answer__facts">
        <dt>Soort</dt>
        <dd>{CODE_KIND_LABELS[code.kind]}</dd>
        <dt>Vastgesteld door</dt>
        <dd>{code.issuer}</dd>
        {code.profession && (
          <>
            <dt>Voor</dt>
            <dd>{code.profession}</dd>
          </>
        )}
        <dt>Versie</dt>
        <dd>
          {shownLabel ?? code.version}
          {shown && !shown.newest && (
            <>
              {" "}
              (eerdere editie; de geldende is{" "}
              <Link className="utrecht-link" to={codePath(code.slug)}>
                {newestLabel}
              </Link>
              )
            </>
          )}
        </dd>
        <dt>Officiële tekst</dt>
        <dd>
          <ExternalLink href={code.sourceUrl}>{code.sourceUrl}</ExternalLink>
        </dd>
      </dl>
      {code.introHtml && <RichText html={code.introHtml} />}
      <Paragraph small>De artikelen zijn in eigen woorden samengevat. Bij twijfel geldt de officiële tekst.</Paragraph>

      {editions.length > 1 && (
        <section aria-labelledby="edities-titel">
          <Heading level={2} id="edities-titel">
            Edities
          </Heading>
          <ol className="plain-list">
            {editions.map((e) => (
              <li key={e.label + (e.effectiveFrom ?? "")}>
                {e.shown ? (
                  <strong>{e.label}</strong>
                ) : (
                  <Link
                    className="utrecht-link"
                    to={codePath(code.slug, { editie: e.newest ? undefined : e.effectiveFrom })}
                  >
                    {e.label}
                  </Link>
                )}
                {e.effectiveText && <>, in werking per {e.effectiveText}</>}
                {e.endsText && <>, vervallen per {e.endsText}</>}
                {e.summaryHtml && <RichText html={e.summaryHtml} />}
              </li>
            ))}
          </ol>
        </section>
      )}
      {editions.length === 1 && editions[0]!.endsText && <Paragraph>Vervallen per {editions[0]!.endsText}.</Paragraph>}

      <nav aria-labelledby="inhoud-titel">
        <Heading level={2} id="inhoud-titel">
          Artikelen
        </Heading>
        <ul className="toc">
          {articles.map((a) => (
            <li key={a.anchor}>
              <a className="utrecht-link" href={`#${a.anchor}`}>
                {a.heading}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {articles.map((a) => (
        <section key={a.anchor} id={a.anchor} className="article" aria-labelledby={`${a.anchor}-titel`}>
          <Heading level={2} id={`${a.anchor}-titel`}>
            {a.heading}
          </Heading>
          <RichText html={a.html} />
          {a.change?.kind === "new" && <Paragraph small>Nieuw in {shownLabel}.</Paragraph>}
          {a.change?.kind === "changed" && (
            <details id={`wijziging-${a.anchor}`} className="article__change">
              <summary>
                Wat veranderde tegenover {previousLabel}
                <span className="visually-hidden"> ({a.heading})</span>
              </summary>
              <Heading level={3}>{previousLabel}</Heading>
              <DiffText segments={a.change.diff.left} regionName={previousLabel ?? ""} />
              <Heading level={3}>{shownLabel}</Heading>
              <DiffText segments={a.change.diff.right} regionName={shownLabel ?? ""} />
            </details>
          )}
          {a.citedBy.length > 0 ? (
            <details>
              <summary>Aangehaald in {a.citedBy.length === 1 ? "1 afspraak" : `${a.citedBy.length} afspraken`}</summary>
              <ul>
                {a.citedBy.map((c) => (
                  <li key={`${c.dilemmaSlug}-${c.regionSlug}`}>
                    <Link className="utrecht-link" to={dilemmaAnswerPath(c.dilemmaSlug, c.regionSlug)}>
                      {c.dilemmaTitle}
                    </Link>{" "}
                    — {c.regionName} <VerdictBadge verdict={c.verdict} />
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <Paragraph small>Nog niet aangehaald in een afspraak.</Paragraph>
          )}
        </section>
      ))}
      {removed.length > 0 && (
        <section aria-labelledby="vervallen-titel">
          <Heading level={2} id="vervallen-titel">
            Vervallen in {shownLabel}
          </Heading>
          <ul className="plain-list">
            {removed.map((r) => (
              <li key={r.anchor} id={`wijziging-${r.anchor}`}>
                <Link
                  className="utrecht-link"
                  to={codePath(code.slug, {
                    editie: editions.find((e) => e.label === previousLabel)?.effectiveFrom ?? "",
                    anchor: r.anchor,
                  })}
                >
                  {r.heading}
                </Link>{" "}
                staat niet meer in {shownLabel}.
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Read as HTML: articles, editions and their changes (details elements) need no JavaScript. */
export const handle: ScriptsHandle = { scripts: false };
