// Runs once when a Next.js server starts: the data-job worker starts beside the server (unless
// JOB_WORKER=off), so exports and imports are processed without a separate service.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env().JOB_WORKER === "off") return;
  const [{ db }, { startJobWorker }] = await Promise.all([import("@/lib/db/client"), import("@/lib/jobs/job-worker")]);
  // A database that is down at boot must not stop the server: the worker starts on the next try.
  const start = () =>
    startJobWorker({ db }).catch((error: unknown) => {
      console.error(`data-job worker not started (${(error as Error).message}); retrying in 30 s`);
      setTimeout(start, 30_000).unref();
    });
  await start();
}
