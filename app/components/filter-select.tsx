/** A select of a GET filter form; its empty first option ("Alle") means: no filter. */
export function FilterSelect({ name, label, options, value }: { name: string; label: string; options: { value: string; label: string }[]; value?: string }) {
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="utrecht-select utrecht-select--html-select" id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Alle</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
