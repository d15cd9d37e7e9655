import type { LinksFunction } from "@remix-run/node";
import { useNavigate } from "@remix-run/react";
import { type ChangeEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

import styles from "~/styles/search-suggestions.css";
import { suggestionsApiPath } from "~/utils/paths";

export const searchSuggestionLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

interface Suggestion {
  type: "dilemma" | "article";
  title: string;
  url: string;
}

const TYPE_LABELS = { dilemma: "Dilemma", article: "Artikel" } as const;
/** Wait this long after a keystroke before asking, so fast typing sends one request. */
const DEBOUNCE_MS = 120;
const MIN_LENGTH = 2;

interface Props {
  id: string;
  name: string;
  defaultValue?: string;
  placeholder?: string;
  maxLength: number;
}

/**
 * The search box: a plain search field without JavaScript, an ARIA 1.2 combobox over `/api/suggesties`
 * once scripts run (the APG's keyboard pattern, the count in a polite live region).
 */
export function SearchSuggestions({ id, name, defaultValue, placeholder, maxLength }: Props) {
  const navigate = useNavigate();
  const listId = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController>();

  useEffect(() => {
    setEnhanced(true);
    return () => {
      clearTimeout(timer.current);
      request.current?.abort();
    };
  }, []);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const ask = (value: string) => {
    clearTimeout(timer.current);
    request.current?.abort();
    if (value.trim().length < MIN_LENGTH) {
      setSuggestions([]);
      setStatus("");
      close();
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(suggestionsApiPath(value), {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) return;
        const body = (await response.json()) as { suggestions: Suggestion[] };
        setSuggestions(body.suggestions);
        setActive(-1);
        setOpen(body.suggestions.length > 0);
        setStatus(
          body.suggestions.length === 0
            ? "Geen suggesties."
            : `${body.suggestions.length} ${body.suggestions.length === 1 ? "suggestie" : "suggesties"}; kies met pijltje omhoog en omlaag.`,
        );
      } catch {
        // A request overtaken by the next keystroke, or the network gone: the form still works.
      }
    }, DEBOUNCE_MS);
  };

  const choose = (suggestion: Suggestion) => {
    close();
    navigate(suggestion.url);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setOpen(true);
      setActive((current) => {
        if (!open) return step === 1 ? 0 : suggestions.length - 1;
        const next = current + step;
        return next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      });
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  };

  const optionId = (i: number) => `${listId}-optie-${i}`;
  return (
    <div className="search-suggestions">
      {/* The same input before and after hydration, so what was typed and the focus stay. */}
      <input
        // A new query (a link to another search) shows its own words, not what was typed before.
        key={defaultValue ?? ""}
        className="utrecht-textbox utrecht-textbox--html-input"
        id={id}
        name={name}
        type="search"
        defaultValue={defaultValue}
        maxLength={maxLength}
        placeholder={placeholder}
        {...(enhanced
          ? {
              role: "combobox",
              autoComplete: "off",
              "aria-autocomplete": "list" as const,
              "aria-expanded": open,
              "aria-controls": listId,
              "aria-activedescendant": open && active >= 0 ? optionId(active) : undefined,
              onChange: (event: ChangeEvent<HTMLInputElement>) => ask(event.currentTarget.value),
              onKeyDown,
              onBlur: () => setTimeout(close, 150),
            }
          : {})}
      />
      {enhanced && (
        <ul
          className="search-suggestions__list"
          id={listId}
          role="listbox"
          aria-label="Suggesties"
          hidden={!open || suggestions.length === 0}
        >
          {suggestions.map((suggestion, i) => (
            // The input keeps focus and handles the keys (aria-activedescendant); a click chooses too.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={suggestion.url}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="search-suggestions__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(suggestion)}
            >
              <span className="search-suggestions__type">{TYPE_LABELS[suggestion.type]}</span> {suggestion.title}
            </li>
          ))}
        </ul>
      )}
      {enhanced && (
        <div className="visually-hidden" role="status" aria-live="polite">
          {status}
        </div>
      )}
    </div>
  );
}
