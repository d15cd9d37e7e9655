import { PASSWORD_HINT } from "~/auth/password-rules";
import { TextField } from "./form-field";

/** A password typed to prove who one is; never filled in again after a refusal. */
export function PasswordField({
  name,
  label,
  error,
  id,
}: {
  name: string;
  label: string;
  error?: string;
  id?: string;
}) {
  return <TextField name={name} id={id} label={label} type="password" autoComplete="current-password" error={error} />;
}

/** The code from an authenticator app (or a recovery code), in the field named `code`. */
export function OneTimeCodeField({
  id,
  label,
  description,
  error,
}: {
  id?: string;
  label: string;
  description?: string;
  error?: string;
}) {
  return (
    <TextField name="code" id={id} label={label} description={description} autoComplete="one-time-code" error={error} />
  );
}

/** A new password and its repetition, with the rules a new password must meet. */
export function NewPasswordFields({
  names: [name, repeatName],
  labels: [label, repeatLabel],
  errors,
}: {
  names: readonly [string, string];
  labels: readonly [string, string];
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <TextField
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        description={PASSWORD_HINT}
        error={errors[name]}
      />
      <TextField
        name={repeatName}
        label={repeatLabel}
        type="password"
        autoComplete="new-password"
        error={errors[repeatName]}
      />
    </>
  );
}
