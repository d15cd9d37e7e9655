import { useEffect, useRef } from "react";

/**
 * The GOV.UK error summary: at the top of the form, each problem a link to its field. It takes focus
 * when it appears, after a page load without JavaScript (autofocus) and after a submit with it.
 */
export function ErrorSummary({
  errors,
  fieldIds = {},
}: {
  errors: Record<string, string | undefined>;
  /** The element to link to when it is not the field's name (a radio group's first option). */
  fieldIds?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const problems = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  useEffect(() => {
    if (Object.values(errors).some(Boolean)) ref.current?.focus();
  }, [errors]);
  if (problems.length === 0) return null;
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus -- GOV.UK pattern: the summary is where a reader must go next
    <div ref={ref} className="error-summary" tabIndex={-1} autoFocus aria-labelledby="foutoverzicht-titel">
      <h2 className="utrecht-heading-2 error-summary__title" id="foutoverzicht-titel">
        Niet alles is goed ingevuld
      </h2>
      <ul className="error-summary__list">
        {problems.map(([name, message]) => (
          <li key={name}>
            <a className="utrecht-link" href={`#${fieldIds[name] ?? name}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
