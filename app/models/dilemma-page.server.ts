import { facilitatorScope } from "~/auth/permissions.server";
import { RegionScope } from "~/auth/region-scope";
import type { SessionUser } from "~/auth/session.server";
import { answerCardBodyHtml } from "~/components/answer-card-html.server";
import { withdrawalMessage } from "~/components/withdrawn-answer";
import { glossaryTermsIn } from "~/content/library-files.server";
import { getAnswersForDilemma } from "~/models/answer.server";
import { toAnswerView } from "~/models/answer-view.server";
import { listWithdrawnAnswers } from "~/models/withdrawn-answer.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { keptUntilWrite } from "~/utils/until-write.server";
import { listDiscussion } from "~/workflow/comments.server";

type DilemmaOfView = { id: number; slug: string; situationMd: string };

function readSharedView(dilemma: DilemmaOfView, facilitated: RegionScope) {
  const db = getDb();
  const answers = getAnswersForDilemma(db, dilemma.id).map((a) => {
    const view = toAnswerView(a, { showUnverified: facilitated.includes(a.regionId) });
    const body = { dilemmaSlug: dilemma.slug, regionSlug: view.regionSlug, regionName: view.regionName };
    return { ...view, bodyHtml: answerCardBodyHtml({ ...body, answer: view.current, earlier: view.earlier }) };
  });
  return {
    answers,
    situationHtml: renderMarkdown(dilemma.situationMd),
    // Jargon in the situation and the answers, linked to its explanation on /begrippen.
    terms: glossaryTermsIn(
      [
        dilemma.situationMd,
        ...answers.flatMap((a) => a.current.sections.map((s) => s.html.replace(/<[^>]+>/g, " "))),
      ].join("\n"),
    ),
    withdrawn: listWithdrawnAnswers(db, dilemma.id).map((w) => ({
      regionSlug: w.regionSlug,
      message: withdrawalMessage(w),
    })),
  };
}

const sharedViews = keptUntilWrite<ReturnType<typeof readSharedView>>(500);

/**
 * What every reader with the same rights sees of a dilemma's answers on its page: the versions as
 * shown (unverified points only for the regions the reader facilitates) with each card's body as
 * HTML, the situation as HTML, the glossary terms, the withdrawn answers. Kept until the next write
 * (until-write.server.ts): a member's page is rendered per request; its data need not be read, shaped
 * and rendered again.
 */
export function sharedDilemmaView(dilemma: DilemmaOfView, user: SessionUser | null) {
  // Unverified points differ by the regions a reader facilitates: the view and its key both follow the scope.
  const facilitated = user ? facilitatorScope(user) : RegionScope.none();
  return sharedViews(`${dilemma.id} ${facilitated.key}`, () => readSharedView(dilemma, facilitated));
}

function readDiscussion(dilemmaId: number) {
  return listDiscussion(getDb(), dilemmaId).map((c) => ({
    ...c,
    createdAt: formatDateTime(c.createdAt),
    replies: c.replies.map((r) => ({ ...r, createdAt: formatDateTime(r.createdAt) })),
  }));
}

const discussions = keptUntilWrite<ReturnType<typeof readDiscussion>>(500);

/**
 * The members' discussion of a dilemma as its page shows it: the comments' markdown rendered, their
 * dates in Dutch. Every member sees the same (a hidden comment's text reaches nobody), so it is kept
 * until the next write like the shared view.
 */
export const sharedDiscussion = (dilemmaId: number) => discussions(String(dilemmaId), () => readDiscussion(dilemmaId));
