import { Link } from "~/components/link";

/** The first, the last and the pages around the current one; null marks a gap. */
export function visiblePages(page: number, pageCount: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) pages.push(n);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

/**
 * Page links that keep every other search parameter of the current URL; `fragment` (an element id) takes
 * the reader to the list itself when it is not the top of the page.
 */
export function Pagination({
  page,
  pageCount,
  search,
  fragment,
}: {
  page: number;
  pageCount: number;
  search: URLSearchParams;
  fragment?: string;
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(search);
    if (target === 1) params.delete("pagina");
    else params.set("pagina", String(target));
    const query = params.toString();
    return (query ? `?${query}` : ".") + (fragment ? `#${fragment}` : "");
  };
  return (
    <nav className="utrecht-pagination utrecht-pagination--distanced" aria-label="Paginering">
      <ul className="pagination__list">
        {page > 1 && (
          <li>
            <Link
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
              rel="prev"
              to={href(page - 1)}
            >
              Vorige<span className="visually-hidden"> pagina</span>
            </Link>
          </li>
        )}
        {visiblePages(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                className={`utrecht-pagination__page-link${n === page ? " utrecht-pagination__page-link--current" : ""}`}
                to={href(n)}
                aria-current={n === page ? "page" : undefined}
              >
                <span className="visually-hidden">Pagina </span>
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
              rel="next"
              to={href(page + 1)}
            >
              Volgende<span className="visually-hidden"> pagina</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
