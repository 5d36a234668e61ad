// The queue that hands data jobs (exports, imports) to a worker: pg-boss on the app's own
// PostgreSQL, so no other service is needed and a job survives a restart of the server that took
// it (pg-boss retries a job whose worker died once it expires). One pg-boss per process, started
// on first use; its tables live in their own schema ("pgboss") and it migrates them itself.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

export const DATA_JOB_QUEUE = "data-job";
/** Computes a survey's weights again (lib/analytics/weighting/compute-survey-weights.ts). */
export const WEIGHTS_QUEUE = "survey-weights";

export type DataJobMessage = { jobId: string };
export type WeightsMessage = { surveyId: string };

/** A job whose worker vanished is taken again after this long (the longest export we expect). */
const JOB_EXPIRE_SECONDS = 2 * 60 * 60;

const holder = globalThis as unknown as { smeJobQueue?: Promise<PgBoss> };

export function jobQueue(connectionString: string = env().DATABASE_DIRECT_URL ?? env().DATABASE_URL): Promise<PgBoss> {
  holder.smeJobQueue ??= (async () => {
    const boss = new PgBoss({
      connectionString,
      schema: "pgboss",
      application_name: "sme-jobs",
      max: 3,
      // Our own table keeps what users see; pg-boss needs its rows only while a job is pending.
      deleteAfterDays: 2,
    });
    boss.on("error", (error) => console.error(`job queue: ${error.message}`));
    await boss.start();
    await boss.createQueue(DATA_JOB_QUEUE, {
      name: DATA_JOB_QUEUE,
      retryLimit: 2,
      retryDelay: 10,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    });
    // "stately": per survey (the singleton key) at most one computation waiting and one running.
    await boss.createQueue(WEIGHTS_QUEUE, {
      name: WEIGHTS_QUEUE,
      policy: "stately",
      retryLimit: 2,
      retryDelay: 10,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    });
    return boss;
  })().catch((error: unknown) => {
    holder.smeJobQueue = undefined;
    throw error;
  });
  return holder.smeJobQueue;
}

/** Hands a job to the workers; the job's own id is pg-boss's too, so sending twice is harmless. */
export async function sendDataJob(jobId: string, connectionString?: string): Promise<void> {
  const boss = await jobQueue(connectionString);
  await boss.send(DATA_JOB_QUEUE, { jobId } satisfies DataJobMessage, { id: jobId });
}

/** Asks for a survey's weights to be computed again; a request already waiting covers this one. */
export async function sendWeightsJob(surveyId: string, connectionString?: string): Promise<void> {
  const boss = await jobQueue(connectionString);
  await boss.send(WEIGHTS_QUEUE, { surveyId } satisfies WeightsMessage, { singletonKey: surveyId });
}

export async function stopJobQueue(): Promise<void> {
  const started = holder.smeJobQueue;
  holder.smeJobQueue = undefined;
  if (started) await (await started).stop({ graceful: true, wait: true, timeout: 10_000 });
}
