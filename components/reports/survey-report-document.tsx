// A survey's report, whole: the page /surveys/{slug}/report shows it and the PDF endpoint prints
// it, from the same markup. Plain functions of their data and a translator, without hooks or
// client code, so that it renders as a server component and with react-dom/server alike.
import type { SurveyReport } from "@/lib/reports/get-survey-report";
import type { ReportTranslate } from "@/lib/reports/report-method-notes";
import { ReportCover } from "./report-cover";
import { ReportDifferences } from "./report-differences";
import { ReportLevel } from "./report-level";
import { ReportMethod } from "./report-method";
import { ReportSample } from "./report-sample";
import { REPORT_CSS } from "./report-styles";

export function SurveyReportDocument({ report, t }: { report: SurveyReport; t: ReportTranslate }) {
  return (
    <article className="report" lang={report.locale === "zh" ? "zh-CN" : "en"} data-testid="report">
      {/* A constant stylesheet of this file's own, not user text. */}
      <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      <ReportCover report={report} t={t} />
      <ReportSample report={report} t={t} />
      {report.levels.map((result) => (
        <ReportLevel key={result.level} result={result} t={t} />
      ))}
      <ReportDifferences report={report} t={t} />
      <ReportMethod facts={report.methodFacts} t={t} />
    </article>
  );
}
