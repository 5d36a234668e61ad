// Keeps weights current: this worker listens to the results of every weighted survey (the same
// notifications that update live dashboards) and, a few seconds after responses stop changing,
// asks for the weights to be computed again. Many changes in a row ask once; the job itself does
// nothing when the valid set is the one its weights were computed for. A survey is watched from
// its first computation on, and surveys weighted through another server are picked up every minute.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { subscribeToResults } from "../results-listener";
import { sendWeightsJob } from "@/lib/jobs/job-queue";

const SETTLE_MS = 5_000;
const RESCAN_MS = 60_000;

export type WeightedSurveysWatch = { watch: (surveyId: string) => Promise<void>; stop: () => void };

export async function watchWeightedSurveys(db: Db): Promise<WeightedSurveysWatch> {
  const watched = new Map<string, () => void>();
  const pending = new Map<string, NodeJS.Timeout>();
  const onChange = (surveyId: string) => () => {
    if (pending.has(surveyId)) return;
    const timer = setTimeout(() => {
      pending.delete(surveyId);
      sendWeightsJob(surveyId).catch((error: unknown) =>
        console.error(`weights of survey ${surveyId} not queued: ${(error as Error).message}`),
      );
    }, SETTLE_MS);
    timer.unref();
    pending.set(surveyId, timer);
  };
  const watch = async (id: string) => {
    if (!watched.has(id)) watched.set(id, await subscribeToResults(id, onChange(id)));
  };
  const scan = async () => {
    const weighted = await db.surveyWeighting.findMany({ select: { surveyId: true } });
    const ids = new Set(weighted.map((w) => w.surveyId));
    for (const id of ids) await watch(id);
    for (const [id, unsubscribe] of watched)
      if (!ids.has(id)) {
        unsubscribe();
        watched.delete(id);
      }
  };
  await scan();
  const rescan = setInterval(
    () => void scan().catch((error: unknown) => console.error(`weighted surveys: ${(error as Error).message}`)),
    RESCAN_MS,
  );
  rescan.unref();
  return {
    watch,
    stop: () => {
      clearInterval(rescan);
      for (const timer of pending.values()) clearTimeout(timer);
      for (const unsubscribe of watched.values()) unsubscribe();
    },
  };
}
