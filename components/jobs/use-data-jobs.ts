"use client";
// The survey's data jobs as the API lists them, polled every second while one is waiting or
// running (a finished job's file link appears without reloading), and not at all otherwise.
import { useCallback, useEffect, useState } from "react";
import type { DataJobView } from "@/lib/jobs/data-job-schemas";

const POLL_MS = 1000;

export const isActive = (job: DataJobView) => job.status === "queued" || job.status === "running";

export function useDataJobs(slug: string) {
  const [jobs, setJobs] = useState<DataJobView[]>([]);
  const url = `/api/v1/surveys/${encodeURIComponent(slug)}/jobs`;

  const load = useCallback(async () => {
    const response = await fetch(url, { cache: "no-store" }).catch(() => null);
    if (response?.ok) setJobs(((await response.json()) as { jobs: DataJobView[] }).jobs);
  }, [url]);

  useEffect(() => {
    // The first load is the effect's own subscription to the list; later ones follow the timer.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const active = jobs.some(isActive);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [active, load]);

  /** Shows a job just created, before the next poll lists it. */
  const add = useCallback((job: DataJobView) => setJobs((list) => [job, ...list.filter((j) => j.id !== job.id)]), []);
  return { jobs, add };
}
