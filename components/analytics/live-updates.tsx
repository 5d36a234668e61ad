"use client";
// Keeps the dashboard live: server-sent events from the results stream trigger a re-render of
// the page's server data (at most about twice a second), with a visible "updated" cue. The
// browser's EventSource reconnects by itself; after a reconnect the page refetches once, since
// changes may have happened while the stream was down.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";

const MIN_INTERVAL_MS = 400;

export function LiveUpdates({ slug }: { slug: string }) {
  const t = useTranslations("dashboard.live");
  const format = useFormatter();
  const router = useRouter();
  const [status, setStatus] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [pending, startTransition] = useTransition();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const refresh = () => {
      if (timer.current) return;
      const wait = Math.max(0, last.current + MIN_INTERVAL_MS - Date.now());
      timer.current = setTimeout(() => {
        timer.current = undefined;
        last.current = Date.now();
        startTransition(() => router.refresh());
        setUpdatedAt(new Date());
      }, wait);
    };
    let connectedBefore = false;
    const source = new EventSource(`/api/v1/surveys/${encodeURIComponent(slug)}/results/stream`);
    source.addEventListener("ready", () => {
      setStatus("live");
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
    source.addEventListener("results", refresh);
    source.onerror = () => setStatus("reconnecting");
    return () => {
      source.close();
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [slug, router]);

  const dot = status === "live" ? "bg-emerald-500" : status === "reconnecting" ? "bg-amber-500" : "bg-slate-400";
  return (
    <div
      className="flex flex-wrap items-center gap-3 text-sm text-slate-700"
      data-testid="live-status"
      data-status={status}
    >
      <span className="flex items-center gap-2">
        <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${dot}`} />
        {t(status)}
      </span>
      <span role="status" aria-live="polite" data-testid="live-updated">
        {pending ? (
          t("updating")
        ) : updatedAt ? (
          <span key={updatedAt.getTime()} className="rounded bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">
            {t("updated", {
              time: format.dateTime(updatedAt, { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
            })}
          </span>
        ) : null}
      </span>
    </div>
  );
}
