// A horizontal bar chart of shares with their 95 % intervals, drawn as plain SVG on the server.
// Hand-made rather than recharts: recharts measures its container in the browser and draws only
// there, while the report must print (and become a PDF) from server-rendered markup with no
// client JavaScript. Grey bars (hollow for "none of these"), black whiskers and labels read the same in greyscale.
import { wrapLabel, LINE_HEIGHT } from "@/components/analytics/wrap-label";

export type ReportBar = {
  code: string;
  label: string;
  share: number;
  ci: [number, number] | null;
  /** "69.0% (156)" as printed at the end of the bar. */
  text: string;
  /** Rows that are not factors ("none of these"): drawn hollow. */
  muted: boolean;
};

const WIDTH = 700;
const LABEL_WIDTH = 200;
const BAR_LEFT = 212;
const BAR_SPAN = 320;
const FONT = 11;
const AXIS_HEIGHT = 20;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export function ReportBarChart({ id, title, bars }: { id: string; title: string; bars: ReportBar[] }) {
  const rows: { bar: ReportBar; lines: string[]; middle: number }[] = [];
  let plotHeight = 0;
  for (const bar of bars) {
    const lines = wrapLabel(bar.label, LABEL_WIDTH, FONT);
    const rowHeight = Math.max(24, Math.ceil(lines.length * FONT * LINE_HEIGHT + 10));
    rows.push({ bar, lines, middle: plotHeight + rowHeight / 2 });
    plotHeight += rowHeight;
  }
  const height = plotHeight + AXIS_HEIGHT;
  const x = (share: number) => BAR_LEFT + share * BAR_SPAN;
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      data-testid={`${id}-chart`}
    >
      <title id={`${id}-title`}>{`${title}: ${bars.map((b) => `${b.label} ${b.text}`).join("; ")}`}</title>
      {TICKS.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={0} y2={plotHeight} stroke="#999" strokeDasharray="2 2" />
          <text x={x(tick)} y={height - 6} fontSize={9} textAnchor="middle" fill="#000">
            {`${tick * 100}%`}
          </text>
        </g>
      ))}
      {rows.map(({ bar, lines, middle }) => {
        const thickness = 12;
        const end = bar.ci ? Math.max(bar.share, bar.ci[1]) : bar.share;
        return (
          <g key={bar.code}>
            <text x={LABEL_WIDTH} y={middle} fontSize={FONT} textAnchor="end" fill="#000">
              {lines.map((line, i) => (
                <tspan
                  key={i}
                  x={LABEL_WIDTH}
                  dy={i === 0 ? -((lines.length - 1) * FONT * LINE_HEIGHT) / 2 + FONT * 0.35 : FONT * LINE_HEIGHT}
                >
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x={BAR_LEFT}
              y={middle - thickness / 2}
              width={Math.max(0.5, bar.share * BAR_SPAN)}
              height={thickness}
              fill={bar.muted ? "#fff" : "#808080"}
              stroke="#000"
              strokeWidth={bar.muted ? 1 : 0}
            />
            {bar.ci && (
              <path
                d={`M${x(bar.ci[0])} ${middle}H${x(bar.ci[1])}M${x(bar.ci[0])} ${middle - 4}v8M${x(bar.ci[1])} ${middle - 4}v8`}
                stroke="#000"
                strokeWidth={1.25}
                fill="none"
              />
            )}
            <text x={x(end) + 6} y={middle + FONT * 0.35} fontSize={FONT} fill="#000">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
