import type { FormState } from "~/utils/action-result";
import { Alert } from "./alert";
import { ErrorSummary } from "./error-summary";

/**
 * What the action answered, above its form: the success message, a problem of the whole form, and the
 * GOV.UK error summary of the fields. Nothing when the answer is another form's.
 */
export function FormFeedback({ form, fieldIds }: { form: FormState; fieldIds?: Record<string, string> }) {
  const result = form.result;
  if (!result) return null;
  return (
    <>
      {result.message && <Alert type="ok">{result.message}</Alert>}
      {result.formError && <Alert type="error">{result.formError}</Alert>}
      <ErrorSummary errors={result.errors} fieldIds={fieldIds} />
    </>
  );
}
