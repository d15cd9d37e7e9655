import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

import { Form } from "~/components/form";
import { Link, NavLink } from "~/components/link";
import type { loader as rootLoader } from "~/root";
import { agendaPath, loginPath } from "~/utils/paths";

const NAVIGATION: { to: `/${string}`; label: string }[] = [
  { to: "/dilemmas", label: "Dilemma's" },
  { to: "/beroepscodes", label: "Beroepscodes en wetten" },
  { to: "/regios", label: "Regio's" },
  { to: "/vergelijk", label: "Vergelijken" },
  { to: "/zoeken", label: "Zoeken" },
];

export function SkipLink() {
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
      Naar de inhoud
    </a>
  );
}

export function SiteHeader() {
  return (
    <header className="utrecht-page-header site-header">
      <div className="page-width site-header__content">
        <Link className="site-logo" to="/">
          <svg
            aria-hidden="true"
            focusable="false"
            width="32"
            height="32"
            viewBox="0 0 32 32"
            className="site-logo__mark"
          >
            <path d="M16 29V14" />
            <path d="M16 17c0-6 4-10 11-10 0 7-4 10-11 10z" />
            <path d="M16 21c0-5-3-8-9-8 0 5 3 8 9 8z" />
          </svg>
          {/* The link's name is its visible text (WCAG 2.5.3), then where it goes. */}
          <span className="site-logo__name">Leertuin</span>{" "}
          <span className="site-logo__tagline">gegevens delen rond gezinnen</span>
          <span className="visually-hidden">, naar de startpagina</span>
        </Link>
        <nav className="utrecht-nav-bar site-nav" aria-label="Hoofdmenu">
          <ul className="utrecht-nav-list site-nav__list">
            {NAVIGATION.map((item) => (
              <li key={item.to} className="utrecht-nav-list__item">
                <NavLink className="utrecht-nav-list__link site-nav__link" to={item.to}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <AccountMenu />
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="utrecht-page-footer site-footer">
      <div className="page-width">
        <p className="utrecht-paragraph">
          Leertuin is de plek waar professionals rond gezinnen leren van elkaars afspraken over gegevens delen. De
          dilemma's zijn geanonimiseerd; de samenvattingen van wetten en beroepscodes zijn in eigen woorden en vervangen
          de officiële tekst niet. Vaktermen en afkortingen staan in de{" "}
          <Link className="utrecht-link" to="/begrippen">
            begrippenlijst
          </Link>
          .
        </p>
        <nav aria-label="Over dit platform">
          <ul className="site-footer__links">
            <li>
              <Link to="/over">Over Leertuin</Link>
            </li>
            <li>
              <Link to="/privacy">Privacyverklaring</Link>
            </li>
            <li>
              <Link to="/toegankelijkheid">Toegankelijkheidsverklaring</Link>
            </li>
            <li>
              <Link to="/api">Open data en API</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

/** Who is logged in, with a log-out button (a POST), or the way in. */
function AccountMenu() {
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  const location = useLocation();
  if (!user) {
    const redirectTo = location.pathname === "/inloggen" ? undefined : location.pathname + location.search;
    return (
      <div className="site-account">
        <Link to={loginPath({ redirectTo })}>Inloggen</Link>
        <Link to="/registreren">Account aanvragen</Link>
      </div>
    );
  }
  return (
    <div className="site-account">
      <span>Ingelogd als {user.name}</span>
      <Link to="/account">Mijn account</Link>
      <Link to="/meldingen">
        Meldingen
        {user.unread > 0 && (
          <>
            {" "}
            <span className="count-badge">{user.unread}</span>
            <span className="visually-hidden"> ongelezen</span>
          </>
        )}
      </Link>
      {user.member && <Link to="/voorstellen">Voorstellen</Link>}
      {user.agenda && (
        <Link to={agendaPath(user.agenda)}>
          Agenda
          {user.agendaWaiting > 0 && (
            <>
              {" "}
              <span className="count-badge">{user.agendaWaiting}</span>
              <span className="visually-hidden"> {user.agendaWaiting === 1 ? "wacht" : "wachten"}</span>
            </>
          )}
        </Link>
      )}
      {user.facilitator && (
        <>
          <Link to="/beheer/leden">Leden goedkeuren</Link>
          <Link to="/beheer/logboek">Logboek</Link>
        </>
      )}
      {user.isAdmin && <Link to="/beheer">Beheer</Link>}
      <Form method="post" action="/uitloggen">
        <button type="submit" className="link-button">
          Uitloggen
        </button>
      </Form>
    </div>
  );
}

/**
 * Says the new page's title politely after a navigation inside the app (not on the first load), as
 * a full page load would: a screen reader otherwise hears nothing when the content changes.
 */
export function RouteAnnouncer() {
  const location = useLocation();
  const [message, setMessage] = useState("");
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The title is set after the render that changes the route; read it a moment later.
    const timer = setTimeout(() => setMessage(document.title), 150);
    return () => clearTimeout(timer);
  }, [location.pathname, location.search]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
