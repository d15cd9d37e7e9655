import { useNavigation } from "@remix-run/react";

import { Form } from "~/components/form";
import { type ActionResult, formState } from "~/utils/action-result";
import { Alert } from "./alert";
import { TextArea, TextField } from "./form-field";
import { GuardReport } from "./guard-report";
import { SubmitButton, useSubmitOnce } from "./submit-once";
import { Heading, Paragraph, RichText } from "./text";

export interface DiscussionComment {
  id: number;
  author: string;
  createdAt: string;
  hidden: boolean;
  hiddenReason: string | null;
  html: string;
}

function CommentForm({
  action,
  parentId,
  result,
  label,
}: {
  action: string;
  parentId?: number;
  result?: ActionResult;
  label: string;
}) {
  const form = formState(result, { intent: "comment", match: { parentId: parentId ? String(parentId) : "" } });
  const name = parentId ? `antwoord-${parentId}` : "reactie";
  const submitOnce = useSubmitOnce();
  const sent = useNavigation().formData;
  const busy =
    submitOnce.pending && sent?.get("intent") === "comment" && (sent.get("parentId") ?? "") === String(parentId ?? "");
  return (
    <Form
      method="post"
      // Without JavaScript the answer is a new page: it opens where the reader was, at this form.
      action={`${action}#${parentId ? `reactie-${parentId}` : "reageren"}`}
      noValidate
      className="stack-form comment-form"
      preventScrollReset
      onSubmit={submitOnce.onSubmit}
    >
      <input type="hidden" name="intent" value="comment" />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {form.guard && <GuardReport reports={form.guard} />}
      <TextArea
        {...form.field("body")}
        id={name}
        label={label}
        rows={parentId ? 3 : 5}
        description="Zonder namen of andere gegevens die iemand herkenbaar maken. Markdown mag."
      />
      <SubmitButton pending={submitOnce.pending} busy={busy} pendingLabel="Bezig met plaatsen…">
        {parentId ? "Antwoord plaatsen" : "Reactie plaatsen"}
      </SubmitButton>
    </Form>
  );
}

function HideForm({ action, comment, result }: { action: string; comment: DiscussionComment; result?: ActionResult }) {
  const form = formState(result, { intent: "hide", match: { commentId: String(comment.id) } });
  return (
    <details className="hide-form" open={(form.result && form.result.outcome !== "done") || undefined}>
      <summary>Reactie verbergen</summary>
      <Form
        method="post"
        action={`${action}#reactie-${comment.id}`}
        noValidate
        className="stack-form"
        preventScrollReset
      >
        <input type="hidden" name="intent" value="hide" />
        <input type="hidden" name="commentId" value={comment.id} />
        <TextField
          {...form.field("reason")}
          id={`reden-${comment.id}`}
          label="Reden (de schrijver en de leden lezen die)"
        />
        {form.guard && <GuardReport reports={form.guard} />}
        <button className="utrecht-button utrecht-button--secondary-action" type="submit">
          Verbergen
        </button>
      </Form>
    </details>
  );
}

function CommentBody({ comment }: { comment: DiscussionComment }) {
  return (
    <>
      <p className="comment__meta">
        <strong>{comment.author}</strong>, {comment.createdAt}
      </p>
      {comment.hidden ? (
        <p className="comment__hidden">
          Deze reactie is verborgen door de leertuinbegeleider. Reden: {comment.hiddenReason}
        </p>
      ) : (
        <RichText html={comment.html} />
      )}
    </>
  );
}

/**
 * The confirmation of the form that was sent, shown where that form is: the page runs no script, and
 * its answer opens there (the form's action names the place).
 */
function Confirmation({
  result,
  intent,
  name,
  value,
}: {
  result?: ActionResult;
  intent: string;
  name: string;
  value: string;
}) {
  const here = result?.outcome === "done" && result.intent === intent && result.values[name] === value;
  return here && result.message ? <Alert type="ok">{result.message}</Alert> : null;
}

/** The members' discussion of a dilemma: comments, replies one level deep, moderation. */
export function Discussion({
  action,
  comments,
  moderator,
  result,
}: {
  comments: (DiscussionComment & { replies: DiscussionComment[] })[];
  /** Where its forms post: the dilemma page's action. Each answer opens at the place its form was. */
  action: string;
  moderator: boolean;
  result?: ActionResult;
}) {
  return (
    <section className="discussion" aria-labelledby="bespreking">
      <Heading level={2} id="bespreking">
        Bespreking
      </Heading>
      <Paragraph small>Alleen leden van een leertuin zien de bespreking.</Paragraph>
      {comments.length === 0 ? (
        <Paragraph>Nog geen reacties.</Paragraph>
      ) : (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id} id={`reactie-${c.id}`} className="comment">
              <CommentBody comment={c} />
              <Confirmation result={result} intent="hide" name="commentId" value={String(c.id)} />
              {moderator && !c.hidden && <HideForm action={action} comment={c} result={result} />}
              {c.replies.length > 0 && (
                <ol className="comments comments--replies">
                  {c.replies.map((r) => (
                    <li key={r.id} id={`reactie-${r.id}`} className="comment">
                      <CommentBody comment={r} />
                      <Confirmation result={result} intent="hide" name="commentId" value={String(r.id)} />
                      {moderator && !r.hidden && <HideForm action={action} comment={r} result={result} />}
                    </li>
                  ))}
                </ol>
              )}
              <Confirmation result={result} intent="comment" name="parentId" value={String(c.id)} />
              {!c.hidden && (
                <details
                  className="reply-form"
                  open={
                    (result?.intent === "comment" &&
                      result.values.parentId === String(c.id) &&
                      result.outcome !== "done") ||
                    undefined
                  }
                >
                  <summary>Antwoorden</summary>
                  <CommentForm action={action} parentId={c.id} result={result} label={`Uw antwoord aan ${c.author}`} />
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      <Heading level={3} id="reageren">
        Reageren
      </Heading>
      <Confirmation result={result} intent="comment" name="parentId" value="" />
      <CommentForm action={action} result={result} label="Uw reactie" />
    </section>
  );
}
