// The report's one stylesheet, shipped inside the report itself so that the page and the PDF
// (printed from markup outside the app's Tailwind build) look the same. Print: A4, the sample on
// the first page and each later section from a new one, no navigation, black on white with greys
// that survive a monochrome printer.
export const REPORT_CSS = `
.report { color: #000; background: #fff; font-family: "Noto Sans SC", var(--font-geist-sans, system-ui), "PingFang SC",
  "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; line-height: 1.45; max-width: 190mm;
  margin: 0 auto; padding: 12mm 10mm; }
.report h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 4pt; }
.report h2 { font-size: 14pt; margin: 0 0 8pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #000; }
.report h3 { font-size: 11pt; margin: 12pt 0 4pt; }
.report p { margin: 0 0 4pt; }
.report ul { margin: 0 0 6pt; padding-left: 14pt; }
.report li { margin-bottom: 3pt; break-inside: avoid; }
.report-lead { font-size: 11pt; }
.report-section { margin-top: 20pt; }
.report-note { font-size: 9pt; color: #222; }
.report-counts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6pt; margin: 0 0 10pt; }
.report-counts div { border: 1pt solid #000; padding: 4pt 6pt; }
.report-counts dt { font-size: 9pt; }
.report-counts dd { margin: 0; font-size: 16pt; font-weight: 700; font-variant-numeric: tabular-nums; }
.report table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 4pt 0 8pt; }
.report caption { text-align: left; font-weight: 700; padding-bottom: 2pt; }
.report th, .report td { border-bottom: 0.75pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
.report thead th { border-bottom: 1pt solid #000; font-weight: 700; }
.report tbody th { font-weight: 400; }
.report .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report tr { break-inside: avoid; }
.report figure { margin: 0 0 6pt; break-inside: avoid; }
.report-chart { display: block; width: 100%; height: auto; }
.report-columns { columns: 2; column-gap: 14pt; }
.report-columns > div { break-inside: avoid-column; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  body > header, body > footer, body > a[href="#main"], .report-toolbar { display: none !important; }
  html, body { background: #fff !important; }
  main#main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .report { max-width: none; padding: 0; font-size: 10pt; }
  .report-section + .report-section { margin-top: 0; break-before: page; }
}
`;
