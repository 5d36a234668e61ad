// Reads a survey's responses in keyset-paged batches in order of starting time, so an export of
// any size holds one batch in memory at a time and never runs one long query. Each page's ids
// come from the index on (survey_id, started_at, id), continuing after the last row of the page
// before (a row-value comparison, which Prisma's cursors cannot express: with them each page
// sorted the whole survey again); then the page's responses are read by id. `limit` stops after
// that many responses: a file whose header states its number of cases (.sav, .dta) gets exactly
// the ones it counted.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import type { ExportRecord } from "./export-columns";

export const EXPORT_BATCH_SIZE = 500;

export async function* readExportBatches(options: {
  db: Db;
  /** Which responses (exportCondition, on the response table as r). */
  condition: Prisma.Sql;
  batchSize?: number;
  limit?: number;
}): AsyncGenerator<ExportRecord[]> {
  const { db, condition, batchSize = EXPORT_BATCH_SIZE, limit = Infinity } = options;
  let after: { startedAt: Date; id: string } | undefined;
  for (let read = 0; read < limit;) {
    const take = Math.min(batchSize, limit - read);
    const page = await db.$queryRaw<{ id: string; started_at: Date }[]>`
      SELECT r.id, r.started_at FROM response r
      WHERE ${condition} ${after ? Prisma.sql`AND (r.started_at, r.id) > (${after.startedAt}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY r.started_at, r.id LIMIT ${take}`;
    if (page.length === 0) return;
    const found = await db.response.findMany({
      where: { id: { in: page.map((p) => p.id) } },
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
        weight: { select: { weight: true } },
      },
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    // A response erased between the two reads is left out.
    const rows = page.map((p) => byId.get(p.id)).filter((r) => r !== undefined);
    read += page.length;
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
      weight: r.weight?.weight ?? null,
    }));
    if (page.length < take) return;
    const last = page[page.length - 1];
    after = { startedAt: last.started_at, id: last.id };
  }
}
