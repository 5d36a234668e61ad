// The method notes (lib/reports/report-method-notes.ts): base, interval, tests, weighting and
// disclosure control, one line each.
import { reportMethodNotes, type MethodNoteFacts, type ReportTranslate } from "@/lib/reports/report-method-notes";

export function ReportMethod({ facts, t }: { facts: MethodNoteFacts; t: ReportTranslate }) {
  return (
    <section className="report-section" aria-labelledby="report-method-title">
      <h2 id="report-method-title">{t("reports.method.title")}</h2>
      <ul data-testid="report-method-notes">
        {reportMethodNotes(facts, t).map((note) => (
          <li key={note.id} data-testid={`report-method-${note.id}`}>
            {note.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
