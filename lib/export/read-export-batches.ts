// Reads a survey's responses in keyset-paged batches, so an export of any size holds one batch
// in memory at a time and never runs one long query. `limit` stops after that many responses: a
// file whose header states its number of cases (.sav, .dta) gets exactly the ones it counted.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ExportRecord } from "./export-columns";

export const EXPORT_BATCH_SIZE = 500;

export async function* readExportBatches(options: {
  db: Db;
  where: Prisma.ResponseWhereInput;
  batchSize?: number;
  limit?: number;
}): AsyncGenerator<ExportRecord[]> {
  const { db, where, batchSize = EXPORT_BATCH_SIZE, limit = Infinity } = options;
  let after: string | undefined;
  for (let read = 0; read < limit;) {
    const take = Math.min(batchSize, limit - read);
    const rows = await db.response.findMany({
      where,
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take,
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
    read += rows.length;
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
    if (rows.length < take) return;
    after = rows[rows.length - 1].id;
  }
}
