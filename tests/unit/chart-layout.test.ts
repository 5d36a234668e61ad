// Layout helpers of the dashboard charts: wrapped axis labels and the ticks of the time axis.
import { describe, expect, it } from "vitest";
import { formatTick, timeTicks } from "@/components/analytics/time-ticks";
import { rowHeight, wrapLabel } from "@/components/analytics/wrap-label";

describe("wrapLabel", () => {
  it("breaks English between words and keeps every word", () => {
    expect(wrapLabel("Support from national preferential policies", 150, 11)).toEqual([
      "Support from national",
      "preferential policies",
    ]);
    expect(wrapLabel("Funding", 150, 11)).toEqual(["Funding"]);
  });

  it("breaks Chinese between characters, never before closing punctuation", () => {
    const lines = wrapLabel("种子期（尚未形成产品，仅有实验室成果、样品或专利）", 140, 11);
    expect(lines.join("")).toBe("种子期（尚未形成产品，仅有实验室成果、样品或专利）");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.length * 11).toBeLessThanOrEqual(140 + 11);
      expect(line).not.toMatch(/^[）。，、]/);
    }
  });

  it("breaks a word longer than the line between its letters", () => {
    expect(wrapLabel("Internationalisation", 60, 10).join("")).toBe("Internationalisation");
  });

  it("gives rows the height of the longest wrapped label", () => {
    expect(rowHeight(["Funding"], 150, 11, 34)).toBe(34);
    expect(rowHeight(["a ".repeat(60)], 150, 11, 34)).toBeGreaterThan(34);
  });
});

describe("timeTicks", () => {
  const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const labels = (from: string, to: string) => {
    const { ticks, unit } = timeTicks(ms(from), ms(to), 6);
    return ticks.map((t) => formatTick(t, unit));
  };

  it("marks months for one fieldwork season and years across waves", () => {
    expect(labels("2017-03-01", "2017-06-01")).toEqual(["2017-03", "2017-04", "2017-05", "2017-06"]);
    expect(labels("2017-03-01", "2026-12-02")).toEqual(["2018", "2020", "2022", "2024", "2026"]);
  });

  it("marks days within a few days", () => {
    expect(labels("2026-12-01", "2026-12-03")).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
  });
});
