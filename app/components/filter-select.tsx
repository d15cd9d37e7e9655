import { SECTOR_LABELS, SECTORS } from "~/domain/vocabulary";
import { TextLink } from "./links";

/** A select in a GET filter form; the empty choice means "no filter". */
export function FilterSelect({
  name,
  label,
  options,
  value,
  id = `filter-${name}`,
  emptyLabel = "Alle",
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  id?: string;
  emptyLabel?: string;
}) {
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <select className="utrecht-select utrecht-select--html-select" id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A date in a GET filter form; empty means "no limit". */
export function FilterDate({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <input
        className="utrecht-textbox utrecht-textbox--html-input"
        type="date"
        id={`filter-${name}`}
        name={name}
        defaultValue={value}
      />
    </div>
  );
}

/** The form's submit button, and a link that clears every filter when some are set. */
export function FilterActions({ submitLabel, reset }: { submitLabel: string; reset?: { to: string; label: string } }) {
  return (
    <div className="filters__actions">
      <button className="utrecht-button utrecht-button--primary-action" type="submit">
        {submitLabel}
      </button>
      {reset && <TextLink to={reset.to}>{reset.label}</TextLink>}
    </div>
  );
}

export const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }));
