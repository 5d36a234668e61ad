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
import { parseGroupsComparison, parsePairedQuery } from "@/lib/analytics/comparison-query-schema";
import { MeasureSchema } from "@/lib/analytics/dashboard-schema";
import { getGroupsComparison } from "@/lib/analytics/get-groups-comparison";
import { getPairedComparison } from "@/lib/analytics/get-paired-comparison";
import { getAttention } from "@/lib/analytics/results";
import { getComposition } from "@/lib/analytics/results";
import { levelItems, levelsOf } from "@/lib/analytics/metric-map";
import { resolveResultsRequest } from "@/lib/analytics/resolve-results-request";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { isStandardBreakdown } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { screenedByRule } from "@/lib/responses/screened-by-rule";
import { AttentionChart } from "@/components/analytics/attention-chart";
import { ChartDownloadProvider } from "@/components/analytics/chart-download-context";
import { DashboardFilters } from "@/components/analytics/dashboard-filters";
import { DaysChart } from "@/components/analytics/days-chart";
import { GroupComparison } from "@/components/analytics/group-comparison";
import { DistributionChart } from "@/components/analytics/distribution-chart";
import { LiveUpdates } from "@/components/analytics/live-updates";
import { PairedComparison } from "@/components/analytics/paired-comparison";
import { SampleCounts } from "@/components/analytics/sample-counts";
import { ScreeningSummary } from "@/components/analytics/screening-summary";
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
  const compare = parseGroupsComparison(search, surveyBreakdownList);
  const levels = levelsOf(survey.definition);
  // The factors a paired comparison may pick, per level ("none of these" is not a factor).
  const pairLevels = levels.map((level) => ({
    level,
    factors: levelItems(survey.definition, level)
      .filter((i) => i.kind !== "option")
      .map((i) => ({ code: i.code, label: localizedText(i.label, locale) })),
  }));
  const pair =
    search.get("pair_level") && search.get("pair_a") && search.get("pair_b")
      ? parsePairedQuery(
          { level: search.get("pair_level")!, a: search.get("pair_a")!, b: search.get("pair_b")! },
          survey.definition,
        )
      : null;
  const [attention, composition, comparisons, paired, screened] = filter
    ? await Promise.all([
        Promise.all(levels.map((level) => getAttention({ db, survey, level, filter, measure, locale }))),
        getComposition({ db, survey, filter, locale }),
        compare && !("issues" in compare)
          ? Promise.all(levels.map((level) => getGroupsComparison({ db, survey, level, filter, compare, locale })))
          : Promise.resolve([]),
        pair && !("issues" in pair) ? getPairedComparison({ db, survey, filter, pair, locale }) : Promise.resolve(null),
        survey.access === "member"
          ? screenedByRule({ db, actor: await getActor(), surveyId: survey.id, filter })
          : Promise.resolve(null),
      ])
    : [[], null, [], null, null];

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
          <LiveUpdates slug={survey.slug} />
        </header>

        <DashboardFilters breakdowns={breakdowns} />

        {"issues" in resolved ? (
          <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            {t("filters.invalid", { problems: resolved.issues.map((i) => i.message).join("; ") })}
          </p>
        ) : composition?.totals ? (
          <SampleCounts totals={composition.totals} />
        ) : null}
        {screened && <ScreeningSummary slug={survey.slug} summary={screened} />}

        {attention.map((result) => (
          <AttentionChart key={result.level} result={result} />
        ))}

        <GroupComparison breakdowns={breakdowns} comparisons={comparisons} threshold={survey.threshold} />
        <PairedComparison levels={pairLevels} result={paired} />

        {composition && composition.suppressed ? (
          <p role="status" className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            {t("suppressed", { threshold: composition.threshold })}
          </p>
        ) : composition ? (
          <section aria-labelledby="composition-title" className="space-y-4">
            <h2 id="composition-title" className="text-xl font-semibold">
              {t("composition.title")}
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              {composition.distributions.map((d) => (
                <DistributionChart
                  key={d.key}
                  distribution={d}
                  threshold={composition.threshold}
                  perturbed={composition.perturbed}
                />
              ))}
            </div>
            <DaysChart
              periods={composition.periods}
              unit={composition.periodUnit}
              hidden={composition.hiddenPeriods}
              threshold={composition.threshold}
            />
          </section>
        ) : null}

        {canExport && filter && <ExportPanel slug={survey.slug} filter={exportFilter} />}
      </div>
    </ChartDownloadProvider>
  );
}
