// Starts this process's worker for data jobs (one at a time: an export keeps a core busy, and the
// machine's other core serves requests) and survey weights, housekeeping at start and every
// quarter hour, and the watch that recomputes weights when a weighted survey's responses change.
// Every app server starts one unless JOB_WORKER=off; `npm run worker` runs one on its own.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { computeSurveyWeights } from "@/lib/analytics/weighting/compute-survey-weights";
import { watchWeightedSurveys } from "@/lib/analytics/weighting/watch-weighted-surveys";
import {
  DATA_JOB_QUEUE,
  WEIGHTS_QUEUE,
  jobQueue,
  stopJobQueue,
  type DataJobMessage,
  type WeightsMessage,
} from "./job-queue";
import { expireDataJobs } from "./expire-data-jobs";
import { runDataJob } from "./run-data-job";

const HOUSEKEEPING_MS = 15 * 60_000;

const holder = globalThis as unknown as { smeJobWorker?: Promise<() => Promise<void>> };

/** Starts the worker once per process; answers a function that stops it. */
export function startJobWorker(options: { db: Db; connectionString?: string }): Promise<() => Promise<void>> {
  holder.smeJobWorker ??= (async () => {
    const { db } = options;
    const boss = await jobQueue(options.connectionString);
    const workerId = await boss.work<DataJobMessage>(
      DATA_JOB_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => runDataJob(db, job.data.jobId),
    );
    const weighted = await watchWeightedSurveys(db);
    const weightsWorkerId = await boss.work<WeightsMessage>(
      WEIGHTS_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => {
        await weighted.watch(job.data.surveyId);
        await computeSurveyWeights(db, job.data.surveyId);
      },
    );
    const housekeeping = () =>
      expireDataJobs(db).catch((error: unknown) => console.error("data job housekeeping:", (error as Error).message));
    await housekeeping();
    const timer = setInterval(housekeeping, HOUSEKEEPING_MS);
    timer.unref();
    return async () => {
      clearInterval(timer);
      holder.smeJobWorker = undefined;
      weighted.stop();
      await boss.offWork({ id: workerId });
      await boss.offWork({ id: weightsWorkerId });
    };
  })().catch((error: unknown) => {
    holder.smeJobWorker = undefined;
    throw error;
  });
  return holder.smeJobWorker;
}

/** Stops this process's worker (if any) and its queue: for tests and for a server shutting down. */
export async function stopDataJobs(): Promise<void> {
  const worker = holder.smeJobWorker;
  if (worker) await (await worker.catch(() => async () => undefined))();
  await stopJobQueue();
}
