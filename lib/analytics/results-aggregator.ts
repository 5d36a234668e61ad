// The results aggregator: folds the changes that submissions note (result_change) into the
// tallies and result cells in batches, so that a submission's transaction never waits on a cell
// row (docs/decisions/026-folded-result-cells.md). Every app server and worker runs one; the
// fold's advisory lock lets one of them work at a time and the others skip their turn. Reads on
// the primary call foldResults first, so the figures they show include every stored response.
import "server-only";
import type { Db } from "@/lib/db/create-client";

/** Changes taken per fold: big enough to drain a backlog quickly, small enough that a read waiting on the lock waits little. */
export const FOLD_BATCH = 2000;
/** Between folds while responses arrive, and while none do (one cheap query on an empty table). */
const BUSY_MS = 100;
const IDLE_MS = 250;
const RETRY_MS = 1000;

/** One fold of up to FOLD_BATCH changes (of one survey, or of all): how many it took, -1 when it would have waited. */
async function foldOnce(db: Db, surveyId: string | null, wait: boolean): Promise<number> {
  const [{ taken }] = await db.$queryRaw<{ taken: number }[]>`
    SELECT analytics_fold(${surveyId}::uuid, ${FOLD_BATCH}, ${wait}) AS taken`;
  return taken;
}

/**
 * Folds what is still pending for one survey, or for all (tests, scripts), waiting for a fold in
 * progress: the cells are then exact. One batch at a time, so a backlog never holds the lock long.
 */
export async function foldResults(db: Db, surveyId: string | null = null): Promise<void> {
  while ((await foldOnce(db, surveyId, true)) >= FOLD_BATCH);
}

const holder = globalThis as unknown as { smeResultsAggregator?: { stop: () => Promise<void> } };

/** Starts this process's aggregator once; answers a function that stops it after its current fold. */
export function startResultsAggregator(db: Db): () => Promise<void> {
  if (holder.smeResultsAggregator) return holder.smeResultsAggregator.stop;
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  let failing = false;
  const tick = async () => {
    let wait = IDLE_MS;
    try {
      const taken = await foldOnce(db, null, false);
      // -1: another server is folding; its next fold takes what arrives meanwhile.
      wait = taken >= FOLD_BATCH ? 0 : taken > 0 ? BUSY_MS : IDLE_MS;
      if (failing) console.error("results aggregator: folding again");
      failing = false;
    } catch (error) {
      // The database is away (restart, outage): say so once, then keep trying quietly.
      if (!failing) console.error(`results aggregator: fold failed (${(error as Error).message}); retrying`);
      failing = true;
      wait = RETRY_MS;
    }
    if (!running) return;
    timer = setTimeout(() => (current = tick()), wait);
    timer.unref();
  };
  current = tick();
  const stop = async () => {
    running = false;
    clearTimeout(timer);
    await current;
    if (holder.smeResultsAggregator?.stop === stop) delete holder.smeResultsAggregator;
  };
  holder.smeResultsAggregator = { stop };
  return stop;
}
