// One level's attention chart (macro, middle, micro): each factor's share of firms with its 95 %
// Wilson interval and base, as a chart and as a table, with the notes the dashboard gives.
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import { formatPercent, toAttentionBars } from "@/lib/analytics/to-chart-bars";
import type { ReportTranslate } from "@/lib/reports/report-method-notes";
import { formatInterval } from "@/lib/reports/report-shaping";
import { ReportBarChart } from "./report-bar-chart";

export function ReportLevel({ result, t }: { result: AttentionResult; t: ReportTranslate }) {
  const id = `report-level-${result.level}`;
  const title = t(`dashboard.levels.${result.level}`);
  const bars = toAttentionBars(result);
  const weighted = result.weighting !== undefined;
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {result.suppressed ? (
        <p role="status">{t("reports.suppressed", { threshold: result.threshold })}</p>
      ) : (
        <>
          <p className="report-lead" data-testid={`${id}-base`}>
            {t("dashboard.base", { n: result.base ?? 0 })}
          </p>
          {bars.length === 0 ? (
            <p>{t("reports.level.noFactors")}</p>
          ) : (
            <figure>
              <ReportBarChart
                id={id}
                title={title}
                bars={bars.map((b) => ({
                  code: b.code,
                  label: b.label,
                  share: b.share,
                  ci: b.ci,
                  text: b.text,
                  muted: b.isOption,
                }))}
              />
            </figure>
          )}
          <table data-testid={`${id}-table`}>
            <thead>
              <tr>
                <th scope="col">{t("reports.level.factor")}</th>
                <th scope="col" className="num">
                  {t("reports.level.share")}
                </th>
                <th scope="col" className="num">
                  {t("reports.level.ci")}
                </th>
                <th scope="col" className="num">
                  {t("reports.level.count")}
                </th>
                <th scope="col" className="num">
                  {t("reports.level.n")}
                </th>
                {weighted && (
                  <>
                    <th scope="col" className="num">
                      {t("dashboard.table.weightedShare")}
                    </th>
                    <th scope="col" className="num">
                      {t("dashboard.table.weightedCi")}
                    </th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.code}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{formatPercent(b.share)}</td>
                  <td className="num">{b.ci ? formatInterval(b.ci) : "–"}</td>
                  <td className="num">{b.count}</td>
                  <td className="num">{b.n}</td>
                  {weighted && (
                    <>
                      <td className="num">{b.weighted ? formatPercent(b.weighted.share) : "–"}</td>
                      <td className="num">{b.weighted?.ci ? formatInterval(b.weighted.ci) : "–"}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="report-note">{t("dashboard.ciNote")}</p>
          {result.weighting && (
            <p className="report-note" data-testid={`${id}-weighting`}>
              {t("reports.weightedNote", {
                base: Math.round(result.weighting.base),
                effectiveBase: result.weighting.effectiveBase.toFixed(1),
                deff: result.weighting.designEffect?.toFixed(2) ?? "–",
              })}
            </p>
          )}
          {result.smallBase && (
            <p className="report-note">{t("dashboard.smallBase", { threshold: result.threshold })}</p>
          )}
          {bars.some((b) => b.n !== result.base) && (
            <p className="report-note">{t("dashboard.ownBaseNote", { n: result.base ?? 0 })}</p>
          )}
          {result.perturbed && <p className="report-note">{t("dashboard.perturbedNote")}</p>}
          {result.hiddenFactors.length > 0 && (
            <p className="report-note">
              {t("dashboard.hiddenFactors", {
                threshold: result.threshold,
                factors: result.hiddenFactors.map((f) => f.label).join(", "),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
