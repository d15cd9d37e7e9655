import { Form } from "~/components/form";

/**
 * "Mijn regio: [select] Opslaan": a visitor's region, remembered in a cookie by /mijn-regio (no
 * JavaScript needed). Members see their own region instead of the form.
 */
export function ReaderRegionForm({
  regions,
  current,
  returnTo,
}: {
  regions: readonly { slug: string; name: string }[];
  current: { slug: string; name: string; source: "membership" | "cookie" } | null;
  /** The page to come back to after saving; without it /mijn-regio says what was saved. */
  returnTo?: string;
}) {
  if (current?.source === "membership")
    return (
      <p className="reader-region reader-region--member">
        Uw regio: <strong>{current.name}</strong>. Die staat bij afspraken steeds bovenaan.
      </p>
    );
  return (
    <Form method="post" action="/mijn-regio" className="reader-region" preventScrollReset>
      {returnTo && <input type="hidden" name="terug" value={returnTo} />}
      <label className="utrecht-form-label" htmlFor="mijn-regio">
        Mijn regio
      </label>
      <select
        className="utrecht-select utrecht-select--html-select"
        id="mijn-regio"
        name="regio"
        defaultValue={current?.slug ?? ""}
        aria-describedby="mijn-regio-uitleg"
      >
        <option value="">Geen voorkeur</option>
        {regions.map((r) => (
          <option key={r.slug} value={r.slug}>
            {r.name}
          </option>
        ))}
      </select>
      <button className="utrecht-button utrecht-button--secondary-action" type="submit">
        Opslaan
      </button>
      <span className="reader-region__hint" id="mijn-regio-uitleg">
        De afspraken van uw regio komen dan steeds bovenaan.
      </span>
    </Form>
  );
}
