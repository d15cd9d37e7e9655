import { forbidden, isMember } from "~/auth/permissions.server";
import { getUser, requireUser } from "~/auth/session.server";
import { redirectIfMerged } from "~/content/library-files.server";
import { getDilemma, isPublicDilemma } from "~/models/dilemma.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

/**
 * The dilemma, if this reader may see it: an answered one is public; a proposal, an agenda item, a
 * rejected or merged one only for members. A visitor is sent to log in; an applicant gets 403.
 */
export async function readableDilemma(request: Request, slug: string) {
  redirectIfMerged(request, slug);
  const dilemma = getDilemma(getDb(), slug);
  if (!dilemma) notFound("Dit dilemma bestaat niet.");
  const user = await getUser(request);
  if (!isPublicDilemma(dilemma)) {
    if (!user) await requireUser(request);
    if (!isMember(user)) forbidden("Voorstellen en de agenda zijn alleen voor leden van een leertuin.");
  }
  return { dilemma, user };
}
