// Shaping of the dashboard's numbers: shares, intervals, ordering, suppression, filters, CSV.
import { describe, expect, it } from "vitest";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { TEMPLATES } from "@/lib/questionnaire/templates";
import { levelItems, levelsOf } from "@/lib/analytics/metric-map";
import { toAttentionResult, type MetricRow } from "@/lib/analytics/to-attention-result";
import { attentionCsv, toAttentionBars, toCsvText } from "@/lib/analytics/to-chart-bars";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { parseResultsFilter } from "@/lib/analytics/dashboard-schema";
import { toComposition } from "@/lib/analytics/to-composition";
import { publicationFor } from "@/lib/analytics/disclosure";

// Exact public counts (suppression only), so that the shapes can be checked by hand; the cell key
// method's noise has its own tests (tests/unit/disclosure.test.ts).
const settings = { method: "suppress_only" as const, threshold: 10, bound: 2 };
const publicView = publicationFor("public", settings);
const memberView = publicationFor("exact", settings);

const jilin = QuestionnaireDefinitionSchema.parse(
  TEMPLATES.find((t) => t.definition.code === "jilin_small_micro")!.definition,
);
const row = (metric: string, responses: number, mentions = responses): MetricRow => ({
  metric,
  responses,
  mentions,
  valueSum: 0,
  valueCount: 0,
  keySum: 0,
  mentionKeySum: 0,
});
// The macro question is one item: every factor's own base is the level's.
const macroItem = levelItems(jilin, "macro")[0].baseMetric;
const macroRows = [
  row("base", 226, 0),
  row(macroItem, 226, 0),
  row("f:national_policy", 156),
  row("f:fiscal_tax_support", 120),
  row("f:ip_protection", 61),
  row("f:market_access", 48),
  row("f:venture_capital", 35),
  row("o:macro_constraints.none", 20),
];
const shape = (over: Partial<Parameters<typeof toAttentionResult>[0]> = {}) =>
  toAttentionResult({
    level: "macro",
    items: levelItems(jilin, "macro"),
    rows: macroRows,
    measure: "cases",
    locale: "en",
    publication: publicView,
    ...over,
  });

describe("attention shaping", () => {
  it("finds the Jilin levels, with factors and the 'none of these' row but not 'don't know'", () => {
    expect(levelsOf(jilin)).toEqual(["macro", "middle", "micro"]);
    expect(levelItems(jilin, "macro").map((i) => i.metric)).toEqual([
      "f:national_policy",
      "f:fiscal_tax_support",
      "f:ip_protection",
      "f:market_access",
      "f:venture_capital",
      "o:macro_constraints.none",
    ]);
  });

  it("gives the paper's Fig. 4 shares of n = 226, sorted, 'none' last, with Wilson intervals", () => {
    const result = shape();
    expect(result.base).toBe(226);
    expect(result.factors.map((f) => [f.code, Math.round(f.share * 100)])).toEqual([
      ["national_policy", 69],
      ["fiscal_tax_support", 53],
      ["ip_protection", 27],
      ["market_access", 21],
      ["venture_capital", 15],
      ["none", 9],
    ]);
    expect(result.factors[0].label).toBe("Support from national preferential policies");
    expect(result.factors[0].ci![0]).toBeCloseTo(0.6272236, 6);
    expect(toAttentionBars(result)[0].text).toBe("69.0% (156)");
    expect(toAttentionBars(result)[0].ciError![1]).toBeCloseTo(0.746947 - 156 / 226, 5);
  });

  it("turns to percent of responses: mentions over all mentions, no intervals", () => {
    const result = shape({ measure: "responses" });
    expect(result.mentions).toBe(440);
    expect(result.factors[0].share).toBeCloseTo(156 / 440, 12);
    expect(result.factors[0].ci).toBeNull();
  });

  it("hides every share from the public when the base is under the threshold, and marks it for members", () => {
    const small = [row("base", 9, 0), row(macroItem, 9, 0), row("f:national_policy", 7)];
    expect(shape({ rows: small })).toMatchObject({ suppressed: true, base: null, factors: [] });
    const member = shape({ rows: small, publication: memberView });
    expect(member).toMatchObject({ suppressed: false, smallBase: true, base: 9 });
    expect(member.factors[0]).toMatchObject({ code: "national_policy", count: 7 });
    expect(shape({ rows: [row("base", 10, 0)] }).suppressed).toBe(false);
  });

  it("divides each factor by its own base, and hides from the public a factor whose base is small", () => {
    const rows = [row("base", 150, 0), row("b:q.a", 148, 0), row("f:a", 67), row("b:q.b", 9, 0), row("f:b", 3)];
    const items = [
      { metric: "f:a", baseMetric: "b:q.a", code: "a", label: { en: "A" }, kind: "scale" as const, threshold: 3 },
      { metric: "f:b", baseMetric: "b:q.b", code: "b", label: { en: "B" }, kind: "scale" as const, threshold: 3 },
    ];
    const member = shape({ rows, items, publication: memberView });
    expect(member.factors[0]).toMatchObject({ code: "a", count: 67, n: 148 });
    expect(member.factors[0].share).toBeCloseTo(67 / 148, 12);
    expect(member.factors[0].ci![0]).toBeCloseTo(0.3747, 4);
    expect(member.factors[0].ci![1]).toBeCloseTo(0.5331, 4);
    expect(toAttentionBars(member)[0].text).toBe("45.3% (67) · n = 148");
    const shown = shape({ rows, items });
    expect(shown.factors.map((f) => f.code)).toEqual(["a"]);
    expect(shown.hiddenFactors).toEqual([{ code: "b", label: "B" }]);
  });

  it("writes CSV with a byte-order mark and quoted commas", () => {
    const csv = toCsvText(attentionCsv(shape({ locale: "zh" })));
    expect(csv.startsWith("\uFEFFlevel,code,label,count,base,share,ci_low,ci_high,mean,measure\r\n")).toBe(true);
    expect(csv).toContain("macro,national_policy,国家优惠政策扶持,156,226,0.690265,0.627224,0.746947,,cases");
    expect(toCsvText({ header: ["a"], rows: [['say "hi", then']] })).toBe('\uFEFFa\r\n"say ""hi"", then"\r\n');
  });
});

describe("filters and composition", () => {
  const breakdowns = surveyBreakdowns(jilin);

  it("offers region, industry, the derived size class and life-cycle stage", () => {
    expect(breakdowns.map((b) => b.key)).toEqual(["region", "industry", "size_class", "lifecycle_stage"]);
  });

  it("accepts known breakdown values and dates, and names what is wrong otherwise", () => {
    const ok = parseResultsFilter(
      new URLSearchParams("region=changchun&size_class=micro&from=2017-03-01&level=macro"),
      breakdowns,
    );
    expect(ok).toEqual({ filter: { breakdowns: { region: "changchun", size_class: "micro" }, from: "2017-03-01" } });
    const bad = parseResultsFilter(
      new URLSearchParams("region=paris&colour=red&from=2017-05-01&to=2017-04-01"),
      breakdowns,
    );
    expect("issues" in bad && bad.issues.map((i) => i.path[0])).toEqual(["region", "colour", "to"]);
  });

  it("computes the validity rate and sorts each distribution, hiding small filtered groups from the public", () => {
    const composition = toComposition({
      breakdowns,
      locale: "en",
      publication: publicView,
      days: [],
      totals: [row("delivered", 250), row("valid", 226), row("screened", 24)],
      distributionRows: [
        { key: "region", value: "jilin", count: 24, keySum: 0 },
        { key: "region", value: "changchun", count: 102, keySum: 0 },
      ],
    });
    expect(composition.totals).toEqual({ delivered: 250, valid: 226, screened: 24, validityRate: 0.904 });
    expect(composition.distributions[0].bars.map((b) => [b.label, b.count])).toEqual([
      ["Changchun", 102],
      ["Jilin City", 24],
    ]);
    const hidden = toComposition({
      breakdowns,
      locale: "en",
      publication: publicView,
      days: [],
      totals: [row("valid", 4)],
      distributionRows: [],
    });
    expect(hidden).toMatchObject({ suppressed: true, totals: null });
  });
});
