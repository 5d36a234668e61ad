// A survey's invitations (never their tokens: only hashes are kept), in the order they were made,
// read page by page with a cursor; optionally one list (collector) only.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { encodeCursor } from "@/lib/http/cursor";

/** `surveyId` must come from getSurvey(), which checked the actor's organization. */
export async function listInvitations(opts: {
  db: Db;
  surveyId: string;
  collectorId?: string;
  after?: [string, string];
  limit: number;
}) {
  const after: Prisma.InvitationTokenWhereInput = opts.after
    ? {
        OR: [
          { createdAt: { gt: new Date(opts.after[0]) } },
          { createdAt: new Date(opts.after[0]), id: { gt: opts.after[1] } },
        ],
      }
    : {};
  const rows = await opts.db.invitationToken.findMany({
    where: {
      AND: [
        { collector: { surveyId: opts.surveyId } },
        opts.collectorId ? { collectorId: opts.collectorId } : {},
        after,
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: opts.limit + 1,
    select: {
      id: true,
      collectorId: true,
      firmName: true,
      contact: true,
      firmIdentifier: true,
      createdAt: true,
      usedAt: true,
      responseId: true,
    },
  });
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
