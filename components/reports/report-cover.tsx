// The report's first lines: the survey's title, which version this is (members' exact figures or
// the public's), the fieldwork dates and the day the figures were read.
import type { SurveyReport } from "@/lib/reports/get-survey-report";
import type { ReportTranslate } from "@/lib/reports/report-method-notes";
import { formatPeriod, responseSpan } from "@/lib/reports/report-shaping";

export function ReportCover({ report, t }: { report: SurveyReport; t: ReportTranslate }) {
  const date = (day: string) => formatPeriod(day, report.locale);
  const { opensOn, closesOn } = report;
  const completed = responseSpan(report.composition.periods);
  return (
    <div className="report-cover">
      <p className="report-note">{t("reports.subtitle")}</p>
      <h1>{report.title}</h1>
      <p className="report-lead" data-testid="report-version">
        {t(report.access === "member" ? "reports.memberVersion" : "reports.publicVersion")}
      </p>
      {(opensOn || closesOn) && (
        <p data-testid="report-fieldwork">
          {opensOn && closesOn
            ? t("reports.fieldwork", { from: date(opensOn), to: date(closesOn) })
            : opensOn
              ? t("reports.fieldworkFrom", { from: date(opensOn) })
              : t("reports.fieldworkUntil", { to: date(closesOn!) })}
        </p>
      )}
      <p data-testid="report-completed">
        {completed
          ? t("reports.completed", { from: date(completed.first), to: date(completed.last) })
          : t("reports.noResponses")}
      </p>
      <p className="report-note">{t("reports.asOf", { date: date(report.generatedOn) })}</p>
    </div>
  );
}
