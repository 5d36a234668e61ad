"use client";
// A survey's exports and imports: what each is, how far it got (a progress bar with the counts),
// and its file to download until it is deleted a day later, or why it failed.
import { useFormatter, useTranslations } from "next-intl";
import type { DataJobView } from "@/lib/jobs/data-job-schemas";
import { isActive } from "./use-data-jobs";

const STATUS_CLASS: Record<DataJobView["status"], string> = {
  queued: "text-slate-700",
  running: "text-blue-800",
  done: "text-green-800",
  failed: "text-red-700",
  expired: "text-slate-700",
};

export function DataJobList({ jobs }: { jobs: DataJobView[] }) {
  const t = useTranslations("jobs.list");
  const format = useFormatter();
  const size = (bytes: number) =>
    bytes < 1_000_000
      ? format.number(bytes / 1000, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 })
      : format.number(bytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <section aria-labelledby="data-jobs-title" className="mt-6" data-testid="data-jobs">
      <h3 id="data-jobs-title" className="text-base font-semibold">
        {t("title")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      {jobs.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded border border-slate-200">
          {jobs.map((job) => {
            const label = `${t(`kind.${job.kind}`)} ${job.kind === "export" ? job.label.toUpperCase() : job.label}`;
            return (
              <li key={job.id} className="space-y-1 p-3 text-sm" data-testid="data-job" data-status={job.status}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium">{label}</span>
                  <span className={STATUS_CLASS[job.status]}>{t(`status.${job.status}`)}</span>
                </div>
                <p className="text-slate-600">{t("started", { time: time(job.createdAt) })}</p>
                {isActive(job) && (
                  <div className="flex items-center gap-3">
                    <div
                      role="progressbar"
                      aria-label={t("progressLabel", { label })}
                      aria-valuemin={0}
                      aria-valuemax={job.progress.total ?? 0}
                      aria-valuenow={job.progress.done}
                      className="h-2 w-48 overflow-hidden rounded bg-slate-200"
                    >
                      <div
                        className="h-full bg-blue-700"
                        style={{ width: `${job.progress.total ? (100 * job.progress.done) / job.progress.total : 0}%` }}
                      />
                    </div>
                    <span className="text-slate-700">
                      {job.progress.total === null
                        ? t("counting")
                        : t("progress", { done: job.progress.done, total: job.progress.total })}
                    </span>
                  </div>
                )}
                {job.file && (
                  <p>
                    <a href={job.file.url} className="font-medium text-blue-800 underline" download={job.file.name}>
                      {t("download", { name: job.file.name, size: size(job.file.bytes) })}
                    </a>{" "}
                    <span className="text-slate-600">{t("until", { time: time(job.file.expiresAt) })}</span>
                  </p>
                )}
                {job.imported !== null && (
                  <p className="text-green-800">
                    {t("imported", { imported: job.imported, screened: job.screened ?? 0 })}
                  </p>
                )}
                {job.error && (
                  <p role="alert" className="text-red-700">
                    {job.error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
