import { useNavigation } from "@remix-run/react";
import { type FormEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * A form that cannot be sent twice while its first submit is on its way (a double click): the second
 * submit is cancelled, and `pending` lets the buttons say so. Without JavaScript the server decides.
 */
export function useSubmitOnce() {
  const navigation = useNavigation();
  const sending = useRef(false);
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  useEffect(() => {
    if (navigation.state === "idle") sending.current = false;
  }, [navigation.state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (sending.current) event.preventDefault();
    else sending.current = true;
  };
  return { onSubmit, pending };
}

const APPEARANCE = {
  primary: "utrecht-button--primary-action",
  secondary: "utrecht-button--secondary-action",
  danger: "utrecht-button--primary-action button-danger",
} as const;

/** A submit button that shows the pending state and is disabled while the form is being sent. */
export function SubmitButton({
  pending = false,
  busy = pending,
  pendingLabel = "Bezig…",
  appearance = "primary",
  name,
  value,
  intent,
  context,
  children,
}: {
  /** Any submit of the form is on its way: every button is disabled (forms with `useSubmitOnce`). */
  pending?: boolean;
  /** This button's submit is on its way: it says so. */
  busy?: boolean;
  pendingLabel?: string;
  /** `danger`: a primary button for what cannot be undone. */
  appearance?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
  /** Sent as the form's `intent`: the button's name and value. */
  intent?: string;
  /** Which item of a list the button acts on, for screen readers only. */
  context?: string;
  children: ReactNode;
}) {
  return (
    <button
      className={`utrecht-button ${APPEARANCE[appearance]}${busy ? " utrecht-button--busy" : ""}`}
      type="submit"
      name={intent ? "intent" : name}
      value={intent ?? value}
      disabled={pending}
      aria-disabled={pending || undefined}
    >
      {busy ? pendingLabel : children}
      {context && <span className="visually-hidden"> ({context})</span>}
    </button>
  );
}
