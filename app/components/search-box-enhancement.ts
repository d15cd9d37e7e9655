/**
 * Turns the plain search field into an ARIA 1.2 combobox: titles of dilemmas and articles appear as one
 * types (`/api/suggesties`), arrow keys move through them, Enter opens the one chosen (or submits the form
 * when none is), Escape closes the list, and a polite live region says how many there are. Returns a
 * function that undoes it.
 *
 * Plain DOM and self-contained (no imports, nothing from module scope), because pages that send no React
 * run it as an inline script made from its source text (`enhancementScript`); hydrated pages call it
 * from an effect.
 */
export function enhanceSearchBox(input: HTMLInputElement | null, navigate?: (url: string) => void): () => void {
  if (!input || input.getAttribute("role") === "combobox") return () => {};
  const wait = 120; // after a keystroke, so fast typing sends one request
  const minLength = 2;
  const typeLabels: Record<string, string> = { dilemma: "Dilemma", article: "Artikel" };
  const listId = `${input.id}-suggesties`;
  let suggestions: { type: string; title: string; url: string }[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;

  const list = document.createElement("ul");
  list.className = "search-suggestions__list";
  list.id = listId;
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggesties");
  list.hidden = true;
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  input.after(list, status);

  const attributes: Record<string, string> = {
    role: "combobox",
    autocomplete: "off",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
  };
  for (const [name, value] of Object.entries(attributes)) input.setAttribute(name, value);

  const optionId = (i: number) => `${listId}-optie-${i}`;
  const show = (open: boolean) => {
    const visible = open && suggestions.length > 0;
    list.hidden = !visible;
    input.setAttribute("aria-expanded", String(visible));
    if (!visible) active = -1;
    list.querySelectorAll("li").forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    if (visible && active >= 0) input.setAttribute("aria-activedescendant", optionId(active));
    else input.removeAttribute("aria-activedescendant");
  };
  const render = () => {
    list.replaceChildren(
      ...suggestions.map((suggestion, i) => {
        const option = document.createElement("li");
        option.id = optionId(i);
        option.className = "search-suggestions__option";
        option.setAttribute("role", "option");
        const type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = typeLabels[suggestion.type] ?? suggestion.type;
        option.append(type, ` ${suggestion.title}`);
        return option;
      }),
    );
  };
  const choose = (i: number) => {
    const url = suggestions[i]?.url;
    show(false);
    if (url) (navigate ?? ((to: string) => window.location.assign(to)))(url);
  };

  const onInput = () => {
    const value = input.value;
    clearTimeout(timer);
    request?.abort();
    if (value.trim().length < minLength) {
      suggestions = [];
      status.textContent = "";
      show(false);
      return;
    }
    timer = setTimeout(async () => {
      const controller = new AbortController();
      request = controller;
      try {
        // Literal, not paths.ts: this function is also sent as an inline script, so it cannot import.
        const response = await fetch(`/api/suggesties?${new URLSearchParams({ q: value }).toString()}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) return;
        const body = (await response.json()) as { suggestions: typeof suggestions };
        // A late answer keeps the option the reader already moved to, when it is still offered.
        const chosen = suggestions[active]?.url;
        suggestions = body.suggestions;
        active = suggestions.findIndex((suggestion) => suggestion.url === chosen);
        render();
        show(suggestions.length > 0);
        const count = suggestions.length;
        status.textContent =
          count === 0
            ? "Geen suggesties."
            : `${count} ${count === 1 ? "suggestie" : "suggesties"}; kies met pijltje omhoog en omlaag.`;
      } catch {
        // A request overtaken by the next keystroke, or the network gone: the form still works.
      }
    }, wait);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (!open) active = step === 1 ? 0 : suggestions.length - 1;
      else {
        const next = active + step;
        active = next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      }
      show(true);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      show(false);
    }
  };
  const onBlur = () => setTimeout(() => show(false), 150);
  // The input keeps focus and handles the keys (aria-activedescendant); a click chooses too.
  const onMouseDown = (event: MouseEvent) => event.preventDefault();
  const onClick = (event: MouseEvent) => {
    const option = (event.target as Element).closest("li");
    if (option) choose(Array.from(list.children).indexOf(option));
  };

  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKeyDown);
  input.addEventListener("blur", onBlur);
  list.addEventListener("mousedown", onMouseDown);
  list.addEventListener("click", onClick);
  return () => {
    clearTimeout(timer);
    request?.abort();
    input.removeEventListener("input", onInput);
    input.removeEventListener("keydown", onKeyDown);
    input.removeEventListener("blur", onBlur);
    for (const name of Object.keys(attributes)) input.removeAttribute(name);
    input.removeAttribute("aria-activedescendant");
    list.remove();
    status.remove();
  };
}

/** The inline script that enhances the search field with this id on a page that runs no React. */
export const enhancementScript = (inputId: string) =>
  `(${enhanceSearchBox.toString()})(document.getElementById(${JSON.stringify(inputId)}));`;
