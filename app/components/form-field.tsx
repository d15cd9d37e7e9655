import type { ReactNode } from "react";

interface FieldProps {
  name: string;
  label: string;
  error?: string;
  description?: string;
}

/** Label, description, error and control, wired for screen readers (aria-invalid, aria-describedby). */
function Field({ name, label, error, description, children }: FieldProps & { children: (aria: Record<string, unknown>) => ReactNode }) {
  const describedBy = [description && `${name}-uitleg`, error && `${name}-fout`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={name}>
        {label}
      </label>
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
      {children({ id: name, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  ...field
}: FieldProps & { type?: "text" | "email" | "password" | "date"; defaultValue?: string; autoComplete?: string }) {
  return (
    <Field {...field}>
      {(aria) => (
        <input className="utrecht-textbox utrecht-textbox--html-input" type={type} defaultValue={defaultValue} autoComplete={autoComplete} required {...aria} />
      )}
    </Field>
  );
}

export function SelectField({
  defaultValue,
  children,
  ...field
}: FieldProps & { defaultValue?: string; children: ReactNode }) {
  return (
    <Field {...field}>
      {(aria) => (
        <select className="utrecht-select utrecht-select--html-select" defaultValue={defaultValue ?? ""} required {...aria}>
          <option value="">Kies…</option>
          {children}
        </select>
      )}
    </Field>
  );
}

/** Longer text (markdown); optional unless the form's schema says otherwise. */
export function TextAreaField({ defaultValue, rows = 6, ...field }: FieldProps & { defaultValue?: string; rows?: number }) {
  return (
    <Field {...field}>
      {(aria) => <textarea className="utrecht-textarea utrecht-textarea--html-textarea" defaultValue={defaultValue} rows={rows} {...aria} />}
    </Field>
  );
}
