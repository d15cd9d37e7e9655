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
