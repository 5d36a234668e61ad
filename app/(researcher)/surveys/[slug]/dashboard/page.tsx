// /surveys/{slug}/dashboard: attention shares per level, groups and two factors of the same firms
// compared, the sample's make-up and counts, live.
// Anyone may open it when the survey shares its dashboard (small bases hidden); members of the
// owning organization always may (everything shown, small bases marked); anyone else gets 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { MeasureSchema } from "@/lib/analytics/dashboard-schema";
import { getDashboardFigures, type DashboardFigures } from "@/lib/analytics/dashboard-figures";
import { levelItems, levelsOf } from "@/lib/analytics/metric-map";
import { resolveResultsRequest } from "@/lib/analytics/resolve-results-request";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { isStandardBreakdown } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { ChartDownloadProvider } from "@/components/analytics/chart-download-context";
import { DashboardFilters } from "@/components/analytics/dashboard-filters";
import { LiveAttention, LiveComparisons, LiveComposition, LiveCounts } from "@/components/analytics/live-dashboard";
import { LiveResults, LiveStatus } from "@/components/analytics/live-results";
import { ExportPanel } from "@/components/export/export-panel";
import { findExportableSurvey } from "@/lib/export/find-exportable-survey";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The same dashboard as the public sees it (view=public) or as a member sees it (no view). */
function withView(slug: string, search: URLSearchParams, view: "public" | null): string {
  const next = new URLSearchParams(search);
  if (view) next.set("view", view);
  else next.delete("view");
  const query = next.toString();
  return `/surveys/${slug}/dashboard${query ? `?${query}` : ""}`;
}

function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") out.set(key, value);
  return out;
}

// The metadata and the page resolve the same request: once per render.
const resolve = cache((slug: string, query: string) => resolveResultsRequest(slug, new URLSearchParams(query)));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const resolved = await resolve((await params).slug, toSearchParams(await searchParams).toString());
  const t = await getTranslations("dashboard");
  if ("error" in resolved && resolved.error === "not_found") return { title: t("title") };
  const { survey, locale } = resolved;
  return { title: `${locale === "zh" ? survey.titleZh : survey.titleEn} · ${t("title")}` };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const search = toSearchParams(await searchParams);
  const t = await getTranslations("dashboard");
  const resolved = await resolve(slug, search.toString());
  if ("error" in resolved && resolved.error === "not_found") notFound();
  const { survey, locale } = resolved;
  const surveyBreakdownList = surveyBreakdowns(survey.definition);
  const breakdowns = surveyBreakdownList.map((b) => ({
    key: b.key,
    label:
      isStandardBreakdown(b.key) || !b.label
        ? t(`breakdowns.${b.key}` as "breakdowns.region")
        : localizedText(b.label, locale),
    options: b.options.map((o) => ({ code: o.code, label: localizedText(o.label, locale) })),
  }));
  const measure = MeasureSchema.catch("cases").parse(search.get("measure") ?? undefined);
  const filter = "filter" in resolved ? resolved.filter : null;
  const levels = levelsOf(survey.definition);
  // The factors a paired comparison may pick, per level ("none of these" is not a factor).
  const pairLevels = levels.map((level) => ({
    level,
    factors: levelItems(survey.definition, level)
      .filter((i) => i.kind !== "option")
      .map((i) => ({ code: i.code, label: localizedText(i.label, locale) })),
  }));
  const figures: DashboardFigures =
    "filter" in resolved
      ? await getDashboardFigures({ ...resolved, search })
      : { attention: [], composition: null, comparisons: [], paired: null, screened: null };

  // Researchers export what the dashboard shows: its filter goes along with the export form.
  const actor = survey.access === "member" ? await getActor() : null;
  const canExport = actor && (await findExportableSurvey({ db, actor, slug: survey.slug })).status === "ok";
  const exportFilter = filter
    ? [
        ...Object.entries(filter.breakdowns).map(([key, value]) => {
          const breakdown = breakdowns.find((b) => b.key === key);
          const option = breakdown?.options.find((o) => o.code === value);
          return { name: key, value, label: `${breakdown?.label ?? key}: ${option?.label ?? value}` };
        }),
        ...(filter.from ? [{ name: "from", value: filter.from, label: `${t("filters.from")} ${filter.from}` }] : []),
        ...(filter.to ? [{ name: "to", value: filter.to, label: `${t("filters.to")} ${filter.to}` }] : []),
      ]
    : [];

  const title = locale === "zh" ? survey.titleZh : survey.titleEn;
  return (
    <ChartDownloadProvider
      slug={survey.slug}
      surveyTitle={title}
      filter={filter}
      breakdowns={breakdowns}
      measure={measure}
    >
      <LiveResults slug={survey.slug} query={search.toString()} initial={figures}>
        <div className="space-y-6">
          <header className="space-y-2">
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
            <p className="text-sm text-slate-600" data-testid="access-note">
              {survey.access === "member" ? (
                <>
                  {t("memberView", { threshold: survey.threshold })}{" "}
                  <Link href={withView(survey.slug, search, "public")} className="font-medium text-blue-800 underline">
                    {t("previewPublic")}
                  </Link>
                </>
              ) : (
                t(survey.disclosure.method === "perturb" ? "perturbedView" : "suppressOnlyView", {
                  threshold: survey.threshold,
                  bound: survey.disclosure.bound,
                })
              )}
            </p>
            {survey.previewingPublic && (
              <p role="status" className="rounded border border-blue-200 bg-blue-50 p-2 text-sm text-blue-900">
                {t("previewingPublic")}{" "}
                <Link href={withView(survey.slug, search, null)} className="font-medium underline">
                  {t("backToExact")}
                </Link>
              </p>
            )}
            {survey.access === "public" && filter && (filter.from || filter.to) && (
              <p className="text-sm text-slate-600" data-testid="whole-months">
                {t("wholeMonths", { range: `${filter.from ?? "…"} – ${filter.to ?? "…"}` })}
              </p>
            )}
            <LiveStatus />
          </header>

          <DashboardFilters breakdowns={breakdowns} />

          {"issues" in resolved ? (
            <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              {t("filters.invalid", { problems: resolved.issues.map((i) => i.message).join("; ") })}
            </p>
          ) : (
            <LiveCounts slug={survey.slug} />
          )}
          <LiveAttention />
          <LiveComparisons breakdowns={breakdowns} threshold={survey.threshold} levels={pairLevels} />
          <LiveComposition />

          {canExport && filter && <ExportPanel slug={survey.slug} filter={exportFilter} />}
        </div>
      </LiveResults>
    </ChartDownloadProvider>
  );
}
