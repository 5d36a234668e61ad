// A survey's responses: for the researcher's list (newest first, a numbered page at a time) and
// for the API (oldest first by completion, read page by page with a cursor, so a script can
// fetch everything once and then only what completed since).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { dateRangeBounds, type ResultsFilter } from "@/lib/analytics/dashboard-schema";
import { encodeCursor } from "@/lib/http/cursor";
import type { ResponseFilter, ResponseSummary } from "./response-api-schemas";

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

export const RESPONSE_SUMMARY_SELECT = {
  id: true,
  submissionId: true,
  status: true,
  valid: true,
  locale: true,
  firmIdentifier: true,
  startedAt: true,
  completedAt: true,
  durationSeconds: true,
  screenedRule: true,
  screenedReason: true,
  screenedAt: true,
  breakdowns: true,
  answers: true,
  collector: { select: { id: true, kind: true, name: true } },
  invitation: { select: { firmName: true } },
} satisfies Prisma.ResponseSelect;

type SummaryRow = Prisma.ResponseGetPayload<{ select: typeof RESPONSE_SUMMARY_SELECT }>;

export function toResponseSummary(row: SummaryRow): ResponseSummary {
  return {
    id: row.id,
    submissionId: row.submissionId,
    status: row.status,
    valid: row.valid,
    locale: row.locale,
    collector: row.collector,
    firmName: row.invitation?.firmName ?? null,
    firmIdentifier: row.firmIdentifier,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    durationSeconds: row.durationSeconds,
    screening:
      row.screenedAt && row.screenedRule
        ? { rule: row.screenedRule, reason: row.screenedReason, at: row.screenedAt }
        : null,
    breakdowns: row.breakdowns as Record<string, string>,
    answers: row.answers as Record<string, unknown>,
  };
}

export type ResponsePageRequest = {
  status: ResponseFilter;
  collectorId?: string;
  /** The dashboard's filter: completion dates and breakdown values. */
  filter: ResultsFilter;
  /** The decoded cursor: the last row of the previous page. */
  after?: [string | null, string];
  limit: number;
};

/** Rows after the cursor in the order completed_at (partial responses last), id. */
function afterCursor([completedAt, id]: [string | null, string]): Prisma.ResponseWhereInput {
  if (completedAt === null) return { completedAt: null, id: { gt: id } };
  const at = new Date(completedAt);
  return { OR: [{ completedAt: { gt: at } }, { completedAt: at, id: { gt: id } }, { completedAt: null }] };
}

/** `surveyId` must come from getSurvey(), which checked the actor's organization. */
export async function listResponsePage(opts: { db: Db; surveyId: string; request: ResponsePageRequest }) {
  const { request } = opts;
  const range = dateRangeBounds(request.filter);
  const where: Prisma.ResponseWhereInput = {
    AND: [
      whereFor(opts.surveyId, request.status),
      request.collectorId ? { collectorId: request.collectorId } : {},
      range.gte || range.lt ? { completedAt: range } : {},
      ...Object.entries(request.filter.breakdowns).map(([key, value]) => ({
        breakdowns: { path: [key], equals: value },
      })),
      request.after ? afterCursor(request.after) : {},
    ],
  };
  const rows = await opts.db.response.findMany({
    where,
    orderBy: [{ completedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: request.limit + 1,
    select: RESPONSE_SUMMARY_SELECT,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map(toResponseSummary),
    nextCursor:
      rows.length > request.limit && last ? encodeCursor([last.completedAt?.toISOString() ?? null, last.id]) : null,
  };
}
