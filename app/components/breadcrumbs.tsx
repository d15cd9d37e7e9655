import { Link } from "~/components/link";
import { dilemmaPath } from "~/utils/paths";

export interface Crumb {
  to: string;
  label: string;
}

const HOME: Crumb = { to: "/", label: "Home" };

/** The trail of every page below a dilemma: the list, then the dilemma itself. */
export const dilemmaTrail = (dilemma: { slug: string; title: string }): Crumb[] => [
  { to: "/dilemmas", label: "Dilemma's" },
  { to: dilemmaPath(dilemma.slug), label: dilemma.title },
];

/** The trail to the current page, always from Home; the page itself is the last crumb, marked as current. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const crumbs = trail[0]?.to === "/" ? trail : [HOME, ...trail];
  return (
    <nav className="utrecht-breadcrumb-nav breadcrumbs" aria-label="Kruimelpad">
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {crumbs.map((crumb) => (
          <li key={crumb.to} className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link" to={crumb.to}>
              {crumb.label}
            </Link>
          </li>
        ))}
        <li className="utrecht-breadcrumb-nav__item">
          <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
