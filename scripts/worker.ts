// `npm run worker`: a data-job worker on its own (exports, imports), for deployments that run
// app servers with JOB_WORKER=off and the heavy work elsewhere, with a results aggregator (any
// number may run; one folds at a time). Stops on SIGTERM/SIGINT after the
// job in hand (the queue hands an interrupted job to another worker).
import { createDbClient } from "../lib/db/create-client";
import { startResultsAggregator } from "../lib/analytics/results-aggregator";
import { env } from "../lib/env";
import { stopJobQueue } from "../lib/jobs/job-queue";
import { startJobWorker } from "../lib/jobs/job-worker";

async function main() {
  const db = createDbClient(env().DATABASE_URL, 4);
  const stop = await startJobWorker({ db });
  const stopAggregator = startResultsAggregator(db);
  console.log("Data-job worker and results aggregator running.");
  const shutdown = async () => {
    await stop();
    await stopAggregator();
    await stopJobQueue();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
