// Reads a survey's responses in keyset-paged batches, so an export of any size holds one batch
// in memory at a time and never runs one long query.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { ExportRecord } from "./export-columns";

export const EXPORT_BATCH_SIZE = 500;

export async function* readExportBatches(options: {
  db: Db;
  surveyId: string;
  batchSize?: number;
}): AsyncGenerator<ExportRecord[]> {
  const { db, surveyId, batchSize = EXPORT_BATCH_SIZE } = options;
  let after: string | undefined;
  for (;;) {
    const rows = await db.response.findMany({
      where: { surveyId },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: batchSize,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: {
        id: true,
        status: true,
        screenedRule: true,
        screenedReason: true,
        locale: true,
        startedAt: true,
        completedAt: true,
        durationSeconds: true,
        breakdowns: true,
        answers: true,
        collector: { select: { kind: true, name: true } },
      },
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      status: r.status,
      screenedRule: r.screenedRule,
      screenedReason: r.screenedReason,
      locale: r.locale,
      collectorKind: r.collector?.kind ?? null,
      collectorName: r.collector?.name ?? null,
      startedAt: r.startedAt,
      completedAt: r.completedAt,
      durationSeconds: r.durationSeconds,
      breakdowns: (r.breakdowns ?? {}) as Record<string, unknown>,
      answers: (r.answers ?? {}) as Record<string, unknown>,
    }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}
