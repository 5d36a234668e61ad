// A survey's responses for the researcher's list: filtered by state, newest first, a page at a time.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";

export const RESPONSE_FILTERS = ["all", "valid", "screened", "partial"] as const;
export type ResponseFilter = (typeof RESPONSE_FILTERS)[number];
export const RESPONSES_PER_PAGE = 25;

const whereFor = (surveyId: string, filter: ResponseFilter): Prisma.ResponseWhereInput => {
  switch (filter) {
    case "valid":
      return { surveyId, valid: true };
    case "screened":
      return { surveyId, status: "complete", valid: false };
    case "partial":
      return { surveyId, status: "partial" };
    case "all":
      return { surveyId };
  }
};

/** `surveyId` must come from getSurvey(), which checked the actor's organization. */
export async function listResponses(opts: { db: Db; surveyId: string; filter: ResponseFilter; page: number }) {
  const where = whereFor(opts.surveyId, opts.filter);
  const total = await opts.db.response.count({ where });
  const pages = Math.max(1, Math.ceil(total / RESPONSES_PER_PAGE));
  const page = Math.min(Math.max(1, opts.page), pages);
  const rows = await opts.db.response.findMany({
    where,
    orderBy: [{ completedAt: { sort: "desc", nulls: "last" } }, { startedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * RESPONSES_PER_PAGE,
    take: RESPONSES_PER_PAGE,
    select: {
      id: true,
      status: true,
      locale: true,
      firmIdentifier: true,
      startedAt: true,
      completedAt: true,
      durationSeconds: true,
      screenedRule: true,
      screenedReason: true,
      screenedAt: true,
      collector: { select: { kind: true, name: true } },
      invitation: { select: { firmName: true } },
    },
  });
  return { rows, total, page, pages };
}
