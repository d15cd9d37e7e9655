import type { ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { AnswerCardBody } from "./answer-card-body";

/**
 * The body of an answer card as HTML. Rendered when a version is read, not on every request: the pages
 * keep it with the rest of what they show of the version (the dilemma page until the next write).
 */
export const answerCardBodyHtml = (props: ComponentProps<typeof AnswerCardBody>) =>
  renderToStaticMarkup(<AnswerCardBody {...props} />);
