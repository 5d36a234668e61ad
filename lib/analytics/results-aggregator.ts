// The results aggregator: folds the changes that submissions note (result_change) into the
// tallies and result cells in batches, so that a submission's transaction never waits on a cell
// row (docs/decisions/026-folded-result-cells.md). Every app server and worker runs one; the
// fold's advisory lock lets one of them work at a time and the others skip their turn. Reads on
// the primary call foldSurveyResults first, so the figures they show include every stored response.
import "server-only";
import type { Db } from "@/lib/db/create-client";

/** Changes taken per fold: big enough to drain a backlog quickly, small enough that a read waiting on the lock waits little. */
export const FOLD_BATCH = 2000;
/** Between folds while responses arrive, and while none do (one cheap query on an empty table). */
const BUSY_MS = 100;
const IDLE_MS = 250;
const RETRY_MS = 1000;

/** Folds what is still pending for one survey (waiting for a fold in progress); the survey's cells are then exact. */
export async function foldSurveyResults(db: Db, surveyId: string): Promise<void> {
  // One batch at a time, so that a large backlog never holds the lock for long.
  for (;;) {
    const [{ taken }] = await db.$queryRaw<{ taken: number }[]>`
      SELECT analytics_fold(${surveyId}::uuid, ${FOLD_BATCH}, true) AS taken`;
    if (taken < FOLD_BATCH) return;
  }
}

/** Folds everything pending, all surveys (tests, scripts, before a figure is compared with the cells). */
export async function foldAllResults(db: Db): Promise<void> {
  for (;;) {
    const [{ taken }] = await db.$queryRaw<{ taken: number }[]>`
      SELECT analytics_fold(NULL, ${FOLD_BATCH}, true) AS taken`;
    if (taken < FOLD_BATCH) return;
  }
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
      const [{ taken }] = await db.$queryRaw<{ taken: number }[]>`
        SELECT analytics_fold(NULL, ${FOLD_BATCH}, false) AS taken`;
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
