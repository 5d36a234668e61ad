"use client";
// Each factor's share in k groups (or surveys) side by side as grouped horizontal bars with their
// 95 % intervals as whiskers, a star on the factors whose difference is significant after Holm's
// adjustment, and each significant difference stated in words underneath.
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import { formatP, toComparisonBars } from "@/lib/analytics/to-comparison-bars";
import { significantGroupFindings, type FactorAcrossGroups } from "@/lib/analytics/to-groups-comparison";
import { useNarrowScreen } from "./use-narrow-screen";
import { rowHeight, wrappedTick } from "./wrap-label";

// Dark enough for text-sized marks on white (WCAG 3:1 for graphics), and told apart in the legend.
export const COMPARISON_COLOURS = [
  "#1d4ed8",
  "#b45309",
  "#047857",
  "#7c3aed",
  "#be123c",
  "#0e7490",
  "#4d7c0f",
  "#a21caf",
];
const BAR_HEIGHT = 14;

type Group = { code: string; label: string };
type Props = {
  id: string;
  title: string;
  /** What the bars are: groups of firms ("Micro firms name …") or surveys ("named more often in …"). */
  compared: "groups" | "surveys";
  groups: Group[];
  factors: FactorAcrossGroups[];
  /** False when the figure around the chart prints the legend (it then also reaches its downloads). */
  legend?: boolean;
};

const WORDING = {
  groups: { finding: "finding", findingMany: "findingMany", noFinding: "noFinding" },
  surveys: { finding: "surveysFinding", findingMany: "surveysFindingMany", noFinding: "surveysNoFinding" },
} as const;

type LabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
};

export function ComparisonChart({ id, title, compared, groups, factors, legend = true }: Props) {
  const t = useTranslations("dashboard.compare");
  const narrow = useNarrowScreen();
  const data = toComparisonBars(factors);
  const axisWidth = narrow ? 104 : 200;
  const row = rowHeight(
    data.map((d) => String(d.label)),
    axisWidth - 12,
    11,
    groups.length * BAR_HEIGHT + 16,
  );
  const findings = significantGroupFindings(factors, groups);
  const words = WORDING[compared];
  const shareList = (ranked: { group: Group; share: number }[]) =>
    ranked
      .map((r) => t("shareOfGroup", { group: r.group.label, share: formatPercent(r.share) }))
      .join(t("shareSeparator"));
  // The label sits just past the whisker's end so the two never overlap.
  const barLabel = (i: number) =>
    function BarLabel({ x, y, width, height, index }: LabelProps) {
      const d = data[index ?? 0];
      const share = d[`share${i}`] as number | null;
      if (share === null) return null;
      const unit = share > 0 ? Number(width) / share : 0;
      const end = Number(x) + (unit ? Number(d[`end${i}`]) * unit : Number(width));
      return (
        <text x={end + 4} y={Number(y) + Number(height) / 2} dominantBaseline="central" fontSize={10} fill="#0f172a">
          {String(d[`text${i}`])}
        </text>
      );
    };
  return (
    <div className="mt-2">
      <div
        style={{ width: "100%", height: data.length * row + 70 }}
        role="img"
        aria-label={`${title}: ${factors
          .map((f) => `${f.label} ${f.shares.map((s) => (s ? formatPercent(s.share) : "–")).join(" / ")}`)
          .join("; ")}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barGap={1}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v)} fontSize={11} />
            <YAxis
              type="category"
              dataKey="label"
              width={axisWidth}
              interval={0}
              tick={wrappedTick(axisWidth - 12, 11)}
            />
            {legend && <Legend wrapperStyle={{ fontSize: 12 }} />}
            {groups.map((g, i) => (
              <Bar
                key={g.code}
                dataKey={`share${i}`}
                name={g.label}
                fill={COMPARISON_COLOURS[i % COMPARISON_COLOURS.length]}
                barSize={BAR_HEIGHT - 2}
                isAnimationActive={false}
              >
                <ErrorBar
                  dataKey={`error${i}`}
                  direction="x"
                  width={4}
                  strokeWidth={1.2}
                  stroke="#0f172a"
                  isAnimationActive={false}
                />
                <LabelList dataKey={`text${i}`} content={barLabel(i)} />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-1 space-y-1 text-sm" data-testid={`findings-${id}`}>
        {findings.length === 0 ? (
          <li>{t(words.noFinding, { count: groups.length })}</li>
        ) : (
          findings.map((f) => {
            const [highest, lowest] = [f.ranked[0], f.ranked[f.ranked.length - 1]];
            return (
              <li key={f.code}>
                {f.ranked.length === 2
                  ? t(words.finding, {
                      more: highest.group.label,
                      less: lowest.group.label,
                      factor: f.label,
                      moreShare: formatPercent(highest.share),
                      lessShare: formatPercent(lowest.share),
                      p: formatP(f.pHolm),
                    })
                  : t(words.findingMany, {
                      factor: f.label,
                      highest: highest.group.label,
                      lowest: lowest.group.label,
                      shares: shareList(f.ranked),
                      p: formatP(f.pHolm),
                    })}
              </li>
            );
          })
        )}
      </ul>
    </div>
  );
}
