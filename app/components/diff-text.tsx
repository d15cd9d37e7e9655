/** One side of a word-level comparison: the words the other side lacks are marked, not only by colour. */
export function DiffText({
  segments,
  regionName,
}: {
  segments: { text: string; changed: boolean }[];
  regionName: string;
}) {
  if (segments.length === 0) return <p className="utrecht-paragraph muted">(geen tekst)</p>;
  return (
    <p className="utrecht-paragraph diff-text">
      {segments.map((segment, i) =>
        segment.changed ? (
          <mark key={i} className="diff-text__only">
            <span className="visually-hidden">[alleen {regionName}: </span>
            {segment.text}
            <span className="visually-hidden">]</span>
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
