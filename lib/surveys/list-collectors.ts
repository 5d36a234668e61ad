// A survey's collectors with how many responses each brought in and, for invitation lists, how
// many tokens were used.
import "server-only";
import type { Db } from "@/lib/db/create-client";

export async function listCollectors(db: Db, surveyId: string) {
  const collectors = await db.collector.findMany({
    where: { surveyId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      name: true,
      createdAt: true,
      closedAt: true,
      _count: { select: { responses: true, invitations: true } },
    },
  });
  const used = await db.invitationToken.groupBy({
    by: ["collectorId"],
    where: { collector: { surveyId }, usedAt: { not: null } },
    _count: true,
  });
  const usedBy = new Map(used.map((u) => [u.collectorId, u._count]));
  return collectors.map((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    responses: c._count.responses,
    invitations: c._count.invitations,
    invitationsUsed: usedBy.get(c.id) ?? 0,
  }));
}
