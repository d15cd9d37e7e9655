import { confirmationName } from "~/workflow/confirmation-field";
import { Alert } from "./alert";

// The guard's report travels from the action as plain data; its types live here so the browser has them.
export interface GuardSegment {
  text: string;
  finding?: { severity: "block" | "warn"; label: string; suggestion: string };
}
export interface GuardFieldReport {
  field: string;
  label: string;
  blocked: boolean;
  confirmValue: string;
  segments: GuardSegment[];
}

/**
 * What the anonymity guard found, each finding marked in the author's own text with its suggestion.
 * Texts with only warnings get a checkbox to confirm them; it must sit inside the form.
 */
export function GuardReport({ reports }: { reports: GuardFieldReport[] }) {
  const blocked = reports.some((r) => r.blocked);
  return (
    <section className="guard-report" aria-labelledby="guard-report-title">
      <Alert type={blocked ? "error" : "warning"}>
        <strong id="guard-report-title">
          {blocked
            ? "Er staan gegevens in die iemand herkenbaar maken. We hebben niets opgeslagen: pas de gemarkeerde tekst aan."
            : "Controleer de gemarkeerde tekst: maakt die iemand herkenbaar? Pas hem aan, of bevestig dat hij niemand herkenbaar maakt."}
        </strong>
      </Alert>
      {reports.map((report) => (
        <div key={report.field} className={`guard-report__field${report.blocked ? "" : " guard-report__field--warn"}`}>
          <h3 className="utrecht-heading-3">{report.label}</h3>
          <p className="guard-report__text">
            {report.segments.map((segment, i) =>
              segment.finding ? (
                <mark key={i} className={`finding finding--${segment.finding.severity}`}>
                  {segment.text}
                  <span className="visually-hidden">
                    {" "}
                    ({segment.finding.severity === "block" ? "niet toegestaan" : "controleren"}: {segment.finding.label}
                    )
                  </span>
                </mark>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </p>
          <ul className="guard-report__findings">
            {report.segments
              .filter((s) => s.finding)
              .map((s, i) => (
                <li key={i}>
                  <strong>{s.finding!.severity === "block" ? "Niet toegestaan" : "Controleer"}</strong>: “{s.text}” is{" "}
                  {s.finding!.label}. {s.finding!.suggestion}.
                </li>
              ))}
          </ul>
          {!report.blocked && (
            <div className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                className="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={confirmationName(report.field)}
                name={confirmationName(report.field)}
                value={report.confirmValue}
              />
              <label
                className="utrecht-form-label utrecht-form-label--checkbox"
                htmlFor={confirmationName(report.field)}
              >
                Ik heb “{report.label}” gecontroleerd: deze tekst maakt niemand herkenbaar.
              </label>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
