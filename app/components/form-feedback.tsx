import type { FormState } from "~/utils/action-result";
import { Alert } from "./alert";
import { ErrorSummary } from "./error-summary";

/**
 * What the action answered, above its form: the success message, a problem of the whole form, and the
 * GOV.UK error summary of the fields. Nothing when the answer is another form's.
 */
export function FormFeedback({
  form,
  fieldIds,
  order = [],
}: {
  form: FormState;
  fieldIds?: Record<string, string>;
  /** The fields in the order the page shows them, where the schema checks them in another. */
  order?: readonly string[];
}) {
  const result = form.result;
  if (!result) return null;
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const errors = Object.fromEntries(Object.entries(result.errors).sort(([a], [b]) => rank(a) - rank(b)));
  return (
    <>
      {result.message && <Alert type="ok">{result.message}</Alert>}
      {result.formError && <Alert type="error">{result.formError}</Alert>}
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
    </>
  );
}
