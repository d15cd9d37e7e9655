import { type Verdict, VERDICT_LABELS } from "~/domain/vocabulary";

const VERDICT_MARKS: Record<Verdict, string> = {
  delen: "✓",
  "delen-onder-voorwaarden": "!",
  "niet-delen": "✕",
};

/** The verdict as text with a mark and colour; readable without colour. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`utrecht-status-badge verdict-badge verdict-badge--${verdict}`}>
      <span aria-hidden="true" className="verdict-badge__mark">
        {VERDICT_MARKS[verdict]}
      </span>{" "}
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

export function Tag({ children }: { children: React.ReactNode }) {
  return <span className="utrecht-badge-data tag">{children}</span>;
}

/** Marks the reader's own region (a member's, or the one a visitor chose). */
export function OwnRegionTag() {
  return <span className="own-region-tag">Uw regio</span>;
}
