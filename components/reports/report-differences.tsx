// The significant differences between groups, stated in words: for each breakdown (size class,
// region, …) the groups compared and every factor whose shares differ with a Holm-adjusted
// p < 0.05, or that none do.
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import type { SurveyReport } from "@/lib/reports/get-survey-report";
import type { ReportTranslate } from "@/lib/reports/report-method-notes";
import { formatP } from "@/lib/reports/report-shaping";

export function ReportDifferences({ report, t }: { report: SurveyReport; t: ReportTranslate }) {
  const { composition, comparisons, methodFacts } = report;
  return (
    <section className="report-section" aria-labelledby="report-differences-title" data-testid="report-differences">
      <h2 id="report-differences-title">{t("reports.differences.title")}</h2>
      {composition.suppressed ? (
        <p role="status">{t("reports.suppressed", { threshold: composition.threshold })}</p>
      ) : comparisons.length === 0 ? (
        <p>{t("reports.differences.noBreakdowns")}</p>
      ) : (
        <>
          <p>{t("reports.differences.lead")}</p>
          {comparisons.map((c) => (
            <div key={c.key} data-testid={`report-differences-${c.key}`}>
              <h3>{c.label ?? t(`dashboard.breakdowns.${c.key}`)}</h3>
              {c.groups.length < 2 ? (
                <p>{t("reports.differences.tooFewGroups", { minimum: methodFacts.comparedGroupMinimum })}</p>
              ) : (
                <>
                  <p className="report-note">
                    {t("reports.differences.groups", {
                      groups: c.groups
                        .map((g) => t("reports.differences.group", { label: g.label, n: g.count }))
                        .join(report.locale === "zh" ? "；" : "; "),
                    })}
                  </p>
                  {c.differences.length === 0 ? (
                    <p>{t("reports.differences.none")}</p>
                  ) : (
                    <ul>
                      {c.differences.map((d) => (
                        <li key={`${d.level}-${d.factor}-${d.more.code}-${d.less.code}`}>
                          {t("reports.differences.finding", {
                            level: t(`reports.levelNames.${d.level}`),
                            more: d.more.label,
                            less: d.less.label,
                            factor: d.factor,
                            moreShare: formatPercent(d.more.share),
                            lessShare: formatPercent(d.less.share),
                            p: formatP(d.pHolm),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
