// The sample: delivered, valid and screened-out responses with the validity rate, why responses
// were screened out (members only: exact counts per rule), and the valid responses' make-up by
// each breakdown of the questionnaire.
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import type { SurveyReport } from "@/lib/reports/get-survey-report";
import type { ReportTranslate } from "@/lib/reports/report-method-notes";

type Props = { report: SurveyReport; t: ReportTranslate };

function Screening({ report, t }: Props) {
  const { screening } = report;
  if (!screening) return <p className="report-note">{t("reports.sample.screenedPublic")}</p>;
  if (screening.rules.length === 0) return <p>{t("reports.sample.screenedNone")}</p>;
  return (
    <ul data-testid="report-screening">
      {screening.rules.map((r) => (
        <li key={r.rule} data-testid={`report-screened-${r.rule}`}>
          {t(`responses.detail.rules.${r.rule}`)}
          {r.rule === "too_fast" && screening.minCompletionSeconds !== null
            ? ` ${t("dashboard.screening.tooFastLimit", { seconds: screening.minCompletionSeconds })}`
            : ""}
          : <strong>{r.count}</strong>
        </li>
      ))}
    </ul>
  );
}

export function ReportSample({ report, t }: Props) {
  const { composition } = report;
  const totals = composition.totals;
  return (
    <section className="report-section" aria-labelledby="report-sample-title">
      <h2 id="report-sample-title">{t("reports.sample.title")}</h2>
      {composition.suppressed || !totals ? (
        <p role="status">{t("reports.suppressed", { threshold: composition.threshold })}</p>
      ) : (
        <>
          <dl className="report-counts">
            {(
              [
                ["delivered", String(totals.delivered)],
                ["valid", String(totals.valid)],
                ["screened", String(totals.screened)],
                ["validityRate", totals.validityRate === null ? "–" : formatPercent(totals.validityRate)],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`dashboard.counts.${key}`)}</dt>
                <dd data-testid={`report-count-${key}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <h3>{t("reports.sample.screenedTitle")}</h3>
          <Screening report={report} t={t} />
          <h3>{t("reports.sample.compositionTitle")}</h3>
          {composition.perturbed && <p className="report-note">{t("dashboard.perturbedNote")}</p>}
          <div className="report-columns">
            {composition.distributions.map((d) => (
              <div key={d.key} data-testid={`report-composition-${d.key}`}>
                <table>
                  <caption>
                    {t("reports.sample.base", { name: d.label ?? t(`dashboard.breakdowns.${d.key}`), n: d.base })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.sample.group")}</th>
                      <th scope="col" className="num">
                        {t("reports.sample.count")}
                      </th>
                      <th scope="col" className="num">
                        {t("reports.sample.share")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.bars.map((bar) => (
                      <tr key={bar.code}>
                        <th scope="row">{bar.label}</th>
                        <td className="num">{bar.count}</td>
                        <td className="num">{formatPercent(bar.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {d.hiddenBars.length > 0 && (
                  <p className="report-note">
                    {t("dashboard.hiddenBars", {
                      threshold: composition.threshold,
                      values: d.hiddenBars.map((b) => b.label).join(", "),
                    })}
                  </p>
                )}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
