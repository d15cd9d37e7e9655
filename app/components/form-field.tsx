import { type ReactNode, useEffect, useRef } from "react";

import { SECTOR_LABELS, SECTORS } from "~/domain/vocabulary";

interface FieldProps {
  name: string;
  /** Defaults to the name; set it when one page has several forms with the same field name. */
  id?: string;
  label: string;
  error?: string;
  description?: string;
}

/** Label, description, error and control, wired for screen readers (aria-invalid, aria-describedby). */
function Field({
  name,
  id = name,
  label,
  error,
  description,
  children,
}: FieldProps & { children: (aria: Record<string, unknown>) => ReactNode }) {
  const describedBy = [description && `${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {description && (
        <p className="utrecht-form-field-description" id={`${id}-uitleg`}>
          {description}
        </p>
      )}
      {error && (
        <p className="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </p>
      )}
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  optional = false,
  list,
  ...field
}: FieldProps & {
  type?: "text" | "email" | "password" | "date";
  defaultValue?: string;
  autoComplete?: string;
  optional?: boolean;
  list?: string;
}) {
  return (
    <Field {...field}>
      {(aria) => (
        <input
          className="utrecht-textbox utrecht-textbox--html-input"
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          required={!optional}
          list={list}
          {...aria}
        />
      )}
    </Field>
  );
}

export function SelectField({
  defaultValue,
  optional = false,
  emptyLabel = "Kies…",
  onChange,
  children,
  ...field
}: FieldProps & {
  defaultValue?: string;
  optional?: boolean;
  /** The first option, which chooses nothing. */
  emptyLabel?: string;
  onChange?: (value: string) => void;
  children: ReactNode;
}) {
  const select = useRef<HTMLSelectElement>(null);
  // A choice made before React took over the page (or restored by the browser) counts too.
  useEffect(() => {
    if (select.current && select.current.value !== (defaultValue ?? "")) onChange?.(select.current.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when React takes over
  }, []);
  return (
    <Field {...field}>
      {(aria) => (
        <select
          ref={select}
          className="utrecht-select utrecht-select--html-select"
          defaultValue={defaultValue ?? ""}
          required={!optional}
          onChange={onChange && ((event) => onChange(event.target.value))}
          {...aria}
        >
          <option value="">{emptyLabel}</option>
          {children}
        </select>
      )}
    </Field>
  );
}

export const SECTOR_OPTIONS = SECTORS.map((value) => ({ value, label: SECTOR_LABELS[value] }));

/** One sector of the vocabulary. */
export function SectorSelect(props: FieldProps & { defaultValue?: string; onChange?: (value: string) => void }) {
  return (
    <SelectField {...props}>
      {SECTOR_OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

export function TextArea({
  defaultValue,
  rows = 6,
  maxLength,
  ...field
}: FieldProps & { defaultValue?: string; rows?: number; maxLength?: number }) {
  return (
    <Field {...field}>
      {(aria) => (
        <textarea
          className="utrecht-textarea utrecht-textarea--html-textarea"
          rows={rows}
          maxLength={maxLength}
          defaultValue={defaultValue}
          {...aria}
        />
      )}
    </Field>
  );
}

/** A group of checkboxes or radio buttons in a fieldset whose legend is the question. */
export function ChoiceGroup({
  type,
  name,
  legend,
  options,
  checked,
  error,
  description,
}: {
  type: "checkbox" | "radio";
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  error?: string;
  description?: string;
}) {
  const describedBy = [description && `${name}-uitleg`, error && `${name}-fout`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset choice-group${error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {description && (
        <p className="utrecht-form-field-description" id={`${name}-uitleg`}>
          {description}
        </p>
      )}
      {error && (
        <p className="utrecht-form-field-error-message" id={`${name}-fout`}>
          {error}
        </p>
      )}
      <div className="choice-group__options">
        {options.map((o) => (
          <div key={o.value} className="utrecht-form-field utrecht-form-field--checkbox">
            <input
              className={
                type === "checkbox"
                  ? "utrecht-checkbox utrecht-checkbox--html-input"
                  : "utrecht-radio-button utrecht-radio-button--html-input"
              }
              type={type}
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${name}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
