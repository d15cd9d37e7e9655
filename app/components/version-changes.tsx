import { DiffText } from "./diff-text";
import { Heading, Paragraph } from "./text";

interface Changes {
  facts: { label: string; before: string; after: string }[];
  sections: {
    key: string;
    heading: string;
    left: { text: string; changed: boolean }[];
    right: { text: string; changed: boolean }[];
  }[];
  conditionsAdded: string[];
  conditionsRemoved: string[];
  same: boolean;
}

/** The differences between an earlier text ("before") and this version, section by section. */
export function VersionChangesView({
  title,
  beforeLabel,
  afterLabel,
  changes,
}: {
  title: string;
  beforeLabel: string;
  afterLabel: string;
  changes: Changes;
}) {
  return (
    <section className="version-changes" aria-labelledby="wijzigingen">
      <Heading level={2} id="wijzigingen">
        {title}
      </Heading>
      {changes.same ? (
        <Paragraph>Er is niets veranderd in de tekst, het oordeel of de voorwaarden.</Paragraph>
      ) : (
        <>
          {changes.facts.length > 0 && (
            <ul className="utrecht-unordered-list">
              {changes.facts.map((f) => (
                <li key={f.label}>
                  {f.label}: was “{f.before}”, is nu “{f.after}”.
                </li>
              ))}
            </ul>
          )}
          {changes.sections.map((s) => (
            <section key={s.key}>
              <Heading level={3}>{s.heading}</Heading>
              <div className="compare-columns">
                <div>
                  <p className="utrecht-paragraph muted">{beforeLabel}</p>
                  <DiffText segments={s.left} regionName={beforeLabel} />
                </div>
                <div>
                  <p className="utrecht-paragraph muted">{afterLabel}</p>
                  <DiffText segments={s.right} regionName={afterLabel} />
                </div>
              </div>
            </section>
          ))}
          {(changes.conditionsAdded.length > 0 || changes.conditionsRemoved.length > 0) && (
            <section>
              <Heading level={3}>Voorwaarden</Heading>
              <ul className="utrecht-unordered-list">
                {changes.conditionsAdded.map((c) => (
                  <li key={`+${c}`}>Nieuw: {c}</li>
                ))}
                {changes.conditionsRemoved.map((c) => (
                  <li key={`-${c}`}>Vervallen: {c}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
