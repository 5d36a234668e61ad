// Runs once when a Next.js server starts: the results aggregator (folds submissions into the
// result cells; docs/decisions/026) and the data-job worker start beside the server (the worker
// unless JOB_WORKER=off), so no separate service is needed.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { db }, { startResultsAggregator }] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/db/client"),
    import("@/lib/analytics/results-aggregator"),
  ]);
  // It keeps trying by itself while the database is away.
  startResultsAggregator(db);
  if (env().JOB_WORKER === "off") return;
  const { startJobWorker } = await import("@/lib/jobs/job-worker");
  // A database that is down at boot must not stop the server: the worker starts on the next try.
  const start = () =>
    startJobWorker({ db }).catch((error: unknown) => {
      console.error(`data-job worker not started (${(error as Error).message}); retrying in 30 s`);
      setTimeout(start, 30_000).unref();
    });
  await start();
}
