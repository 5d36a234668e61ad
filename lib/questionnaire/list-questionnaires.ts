// The questionnaires of the actor's organizations where its role may read them (the same rule as
// the questionnaires page), newest edit first.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import type { LocalizedText } from "./definition-schema";

/** `organizationId` narrows the list to one of the actor's organizations (the current one). */
export async function listQuestionnaires(opts: { db: Db; actor: Actor; organizationId?: string }) {
  const ids = organizationsWhere(opts.actor, roleFor("questionnaires.read")).filter(
    (id) => !opts.organizationId || id === opts.organizationId,
  );
  const rows = await opts.db.questionnaire.findMany({
    where: { organizationId: { in: ids } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      code: true,
      draft: true,
      updatedAt: true,
      organization: { select: { name: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, publishedAt: true } },
      _count: { select: { versions: true } },
    },
  });
  return rows.map((q) => ({
    id: q.id,
    code: q.code,
    title: ((q.draft as { title?: LocalizedText }).title ?? {}) as LocalizedText,
    organizationName: q.organization.name,
    updatedAt: q.updatedAt,
    latestVersion: q.versions[0] ?? null,
    versionCount: q._count.versions,
  }));
}
