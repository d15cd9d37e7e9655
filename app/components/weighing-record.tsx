import { useEffect, useState } from "react";

import { Form } from "~/components/form";
import { Link } from "~/components/link";
import type { RecordState } from "~/weighing/weighing-requests.server";
import { confirmationName } from "~/workflow/confirmation-field";
import { Alert } from "./alert";
import { AnswerFields } from "./weighing-answer";

/** Printing needs the browser's script; without it the page says to use the browser's own print. */
function PrintButton() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button className="utrecht-button utrecht-button--primary-action" type="button" onClick={() => window.print()}>
      Afdrukken
    </button>
  );
}

/** The record of a weighing as a printable page, with the same record as a download. */
export function WeighingRecordPage({ state }: { state: RecordState }) {
  const { record, view, values } = state;
  return (
    <div className="page-width narrow weighing-record">
      <div className="weighing-record__actions">
        <Alert type="info">
          Leertuin heeft niets van deze afweging opgeslagen. Druk haar af (in uw browser: Afdrukken, of Ctrl+P) of
          download haar als tekstbestand, en bewaar haar in uw eigen dossier.
        </Alert>
        {/* A plain form submission: the file must reach the browser as a download, also with JavaScript. */}
        <Form method="post" action="/afwegen/afweging.md" reloadDocument className="button-row">
          <AnswerFields answers={view.answers} />
          <input type="hidden" name="doel" value={view.purpose} />
          <input type="hidden" name="route" value={typeof values.route === "string" ? values.route : ""} />
          <input type="hidden" name="afspraak" value={typeof values.afspraak === "string" ? values.afspraak : ""} />
          {typeof values[confirmationName("doel")] === "string" && (
            <input type="hidden" name={confirmationName("doel")} value={values[confirmationName("doel")]} />
          )}
          <PrintButton />
          <button className="utrecht-button utrecht-button--secondary-action" type="submit">
            Downloaden als tekstbestand
          </button>
        </Form>
      </div>
      <article className="utrecht-rich-text">
        <h1 className="utrecht-heading-1">{record.title}</h1>
        {record.intro.map((p) => (
          <p key={p} className="utrecht-paragraph">
            {p}
          </p>
        ))}
        {record.sections.map((s, i) => {
          const Tag = s.level === 2 ? "h2" : "h3";
          return (
            <section key={i} className={`weighing-record__section weighing-record__section--${s.level}`}>
              <Tag className={`utrecht-heading-${s.level}`}>{s.heading}</Tag>
              {s.paragraphs.map((p) => (
                <p key={p} className="utrecht-paragraph">
                  {p}
                </p>
              ))}
              {s.items.length > 0 && (
                <ul>
                  {s.items.map((item) => (
                    <li key={item.text}>
                      {item.path ? (
                        <Link className="utrecht-link" to={item.path}>
                          {item.text}
                        </Link>
                      ) : (
                        item.text
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </article>
    </div>
  );
}
