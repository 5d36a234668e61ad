"use client";
// Keeps the dashboard live. The results stream, opened with this page's query, pushes the
// dashboard's figures whenever they change (computed once per view on the server, for all its
// viewers: lib/analytics/live-dashboards.ts), and the charts re-render from them in place: no
// refetch of the page per update. The browser's EventSource reconnects by itself; the server
// then sends the view's latest figures.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { DashboardFigures } from "@/lib/analytics/dashboard-figures";

type Live = { figures: DashboardFigures; status: "connecting" | "live" | "reconnecting"; updatedAt: Date | null };
const LiveContext = createContext<Live | null>(null);

export function LiveResults({
  slug,
  query,
  initial,
  children,
}: {
  slug: string;
  /** The page's query string: the stream sends the figures of this view. */
  query: string;
  initial: DashboardFigures;
  children: ReactNode;
}) {
  const [stream, setStream] = useState<Omit<Live, "figures">>({ status: "connecting", updatedAt: null });
  // Pushed figures belong to the render they arrived under: a new render of the page (a filter
  // changed) brings its own figures, and the stream of its own query.
  const [pushed, setPushed] = useState<{ figures: DashboardFigures; under: DashboardFigures } | null>(null);
  const figures = pushed?.under === initial ? pushed.figures : initial;
  useEffect(() => {
    const source = new EventSource(
      `/api/v1/surveys/${encodeURIComponent(slug)}/results/stream${query ? `?${query}` : ""}`,
    );
    source.addEventListener("ready", () => setStream((s) => ({ ...s, status: "live" })));
    source.addEventListener("results", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { figures: DashboardFigures };
      setPushed({ figures: data.figures, under: initial });
      setStream({ status: "live", updatedAt: new Date() });
    });
    source.onerror = () => setStream((s) => ({ ...s, status: "reconnecting" }));
    return () => source.close();
  }, [slug, query, initial]);
  const live: Live = { ...stream, figures };
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** The figures as last pushed (or as the page rendered them). */
export function useLiveFigures(): DashboardFigures {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLiveFigures outside <LiveResults>");
  return live.figures;
}

export function LiveStatus() {
  const t = useTranslations("dashboard.live");
  const format = useFormatter();
  const live = useContext(LiveContext);
  const status = live?.status ?? "connecting";
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
        {live?.updatedAt ? (
          <span
            key={live.updatedAt.getTime()}
            className="rounded bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800"
          >
            {t("updated", {
              time: format.dateTime(live.updatedAt, { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
            })}
          </span>
        ) : null}
      </span>
    </div>
  );
}
