import type { ReviewReason } from "~/domain/vocabulary";

/** Dutch labels of why an answer is on the review list (plain module: the page renders them). */
export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  review_date: "De herzieningsdatum is verstreken.",
  law_changed: "Een geciteerd artikel is sindsdien gewijzigd of vervallen.",
  unverified: "Er zijn punten die nog niet zijn nagekeken",
};
