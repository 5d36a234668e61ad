"use client";
// The dashboard's sections, drawn from the live figures (components/analytics/live-results.tsx):
// each re-renders in place when the stream pushes new figures.
import { useTranslations } from "next-intl";
import { AttentionChart } from "./attention-chart";
import { DaysChart } from "./days-chart";
import { DistributionChart } from "./distribution-chart";
import { GroupComparison } from "./group-comparison";
import { useLiveFigures } from "./live-results";
import { PairedComparison } from "./paired-comparison";
import { SampleCounts } from "./sample-counts";
import { ScreeningSummary } from "./screening-summary";

export function LiveCounts({ slug }: { slug: string }) {
  const { composition, screened } = useLiveFigures();
  return (
    <>
      {composition?.totals && <SampleCounts totals={composition.totals} />}
      {screened && <ScreeningSummary slug={slug} summary={screened} />}
    </>
  );
}

export function LiveAttention() {
  return useLiveFigures().attention.map((result) => <AttentionChart key={result.level} result={result} />);
}

export function LiveComparisons({
  breakdowns,
  threshold,
  levels,
}: Omit<Parameters<typeof GroupComparison>[0], "comparisons"> &
  Pick<Parameters<typeof PairedComparison>[0], "levels">) {
  const { comparisons, paired } = useLiveFigures();
  return (
    <>
      <GroupComparison breakdowns={breakdowns} comparisons={comparisons} threshold={threshold} />
      <PairedComparison levels={levels} result={paired} />
    </>
  );
}

export function LiveComposition() {
  const t = useTranslations("dashboard");
  const { composition } = useLiveFigures();
  if (!composition) return null;
  if (composition.suppressed)
    return (
      <p role="status" className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        {t("suppressed", { threshold: composition.threshold })}
      </p>
    );
  return (
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
  );
}
