// The report's pure parts: its method notes word for word in both languages (members and public,
// perturbed or not), which groups of a breakdown it compares, and how it prints dates and p.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { compileMessages } from "@/lib/i18n/compile-messages";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { reportMethodNotes, type MethodNoteFacts, type ReportTranslate } from "@/lib/reports/report-method-notes";
import {
  comparedGroupMinimum,
  comparedGroups,
  formatInterval,
  formatP,
  formatPeriod,
  groupPairs,
  responseSpan,
} from "@/lib/reports/report-shaping";
import en from "@/messages/en";
import zh from "@/messages/zh";

function translator(locale: Locale): ReportTranslate {
  const t = createTranslator({ locale, messages: compileMessages(locale === "zh" ? zh : en) });
  return (key, values) => t(key as never, values as never);
}

const member: MethodNoteFacts = {
  access: "member",
  disclosure: { method: "perturb", threshold: 10, bound: 2 },
  publicDashboard: true,
  comparedGroupMinimum: 30,
  weighting: null,
};

describe("reportMethodNotes", () => {
  it("states the base, the interval, the tests with Holm, that the figures are unweighted, and disclosure control", () => {
    expect(reportMethodNotes(member, translator("en"))).toEqual([
      {
        id: "base",
        text: "Base (n): the valid responses (complete and not screened out) that answered the item substantively. “Don't know” and “does not apply” leave the base; “none of these” stays in it. A level's n counts the firms that answered any of its items. Shares are percent of firms and can sum past 100 %.",
      },
      {
        id: "interval",
        text: "Intervals: 95 % Wilson score interval (z = 1.96) of each share over its own base.",
      },
      {
        id: "tests",
        text: "Group differences: two-proportion z-test per factor between two groups of one breakdown; for each pair of groups the p-values of a level's factors are adjusted with Holm's method, and only adjusted p < 0.05 is reported. Groups with at least 30 valid responses are compared, at most the 6 largest of each breakdown.",
      },
      {
        id: "weighting",
        text: "Weighting: the figures of this report are unweighted. Every valid response counts once, so they describe the sample, not the population of firms.",
      },
      {
        id: "disclosure",
        text: "Disclosure control: this members' version shows exact figures; a base under 10 is marked as small. The public version, published with the survey's dashboard, perturbs every count by the cell key method (by at most 2) and hides groups and factors with a base under 10.",
      },
    ]);
  });

  it("names the weights of a weighted survey, and tells the public its figures are unweighted", () => {
    const weighting = { method: "rake" as const, computedAt: "2026-12-02T04:00:00.000Z" };
    const weightingNote = (facts: MethodNoteFacts) =>
      reportMethodNotes(facts, translator("en")).find((n) => n.id === "weighting")!.text;
    expect(weightingNote({ ...member, weighting })).toBe(
      "Weighting: the survey is weighted (raked, weights of 2026-12-02). Weighted shares stand beside the unweighted ones: each firm counts with its weight, so they estimate the population of firms; their intervals use Kish's effective sample size (Σw)²/Σw².",
    );
    expect(weightingNote({ ...member, access: "public", weighting })).toMatch(
      /^Weighting: the survey is weighted for its members; this public version shows unweighted figures only/,
    );
  });

  it("says in Chinese what it says in English", () => {
    const notes = reportMethodNotes(member, translator("zh"));
    expect(notes.map((n) => n.id)).toEqual(["base", "interval", "tests", "weighting", "disclosure"]);
    expect(notes[2].text).toBe(
      "组间差异：同一分组变量下的两组企业之间，对每个因素做两比例 z 检验；每对组内，同一层面各因素的 p 值用 Holm 法校正，仅报告校正后 p < 0.05 的差异。仅比较有效答卷不少于 30 份的组，每个分组变量最多比较规模最大的 6 组。",
    );
    expect(notes[3].text).toBe("加权：本报告的数字均未加权。每份有效答卷计一次，因此描述的是样本，而非企业总体。");
    expect(notes[4].text).toBe(
      "披露控制：本成员版显示精确数字；基数小于 10 的标为小基数。随看板公开的公众版以单元键法扰动每个计数（最多变动 2），并隐藏基数小于 10 的组和因素。",
    );
  });

  it("tells members when no public version exists, and the public how its figures were protected", () => {
    const disclosure = (facts: Partial<MethodNoteFacts>) =>
      reportMethodNotes({ ...member, ...facts }, translator("en")).find((n) => n.id === "disclosure")!.text;
    expect(disclosure({ publicDashboard: false })).toBe(
      "Disclosure control: this members' version shows exact figures; a base under 10 is marked as small. The survey's results are not published: only members of its organization can open this report.",
    );
    expect(disclosure({ disclosure: { method: "suppress_only", threshold: 5, bound: 2 } })).toBe(
      "Disclosure control: this members' version shows exact figures; a base under 5 is marked as small. The public version, published with the survey's dashboard, shows exact counts and hides groups and factors with a base under 5.",
    );
    expect(disclosure({ access: "public" })).toBe(
      "Disclosure control: this public version perturbs every count by the cell key method (each moved by at most 2, the same firms always giving the same figure); shares and intervals are computed from the perturbed counts, groups and factors with a base under 10 are hidden, and the reasons for screening are left out.",
    );
    // A bound of 0 perturbs nothing: the public then gets exact counts, and is told so.
    expect(disclosure({ access: "public", disclosure: { method: "perturb", threshold: 10, bound: 0 } })).toBe(
      "Disclosure control: this public version shows exact counts; groups and factors with a base under 10 are hidden, and the reasons for screening are left out.",
    );
  });
});

describe("the groups a report compares", () => {
  const distribution = {
    key: "lifecycle_stage",
    label: null,
    base: 226,
    hiddenBars: [],
    bars: [
      { code: "start_up", label: "Start-up", count: 88, share: 0 },
      { code: "growth", label: "Growth", count: 84, share: 0 },
      { code: "maturity", label: "Maturity", count: 30, share: 0 },
      { code: "seed", label: "Seed", count: 12, share: 0 },
      { code: "", label: "—", count: 40, share: 0 },
    ],
  };

  it("are those with at least the minimum of valid responses (never the unanswered), largest first", () => {
    expect(comparedGroups(distribution, comparedGroupMinimum(10)).map((g) => [g.code, g.count])).toEqual([
      ["start_up", 88],
      ["growth", 84],
      ["maturity", 30],
    ]);
    // A survey's small-cell threshold above 30 raises the minimum.
    expect(comparedGroupMinimum(50)).toBe(50);
    expect(comparedGroups(distribution, comparedGroupMinimum(50)).map((g) => g.code)).toEqual(["start_up", "growth"]);
  });

  it("are at most the six largest, each pair compared once", () => {
    const many = {
      ...distribution,
      bars: Array.from({ length: 9 }, (_, i) => ({ code: `g${i}`, label: `G${i}`, count: 100 - i, share: 0 })),
    };
    expect(comparedGroups(many, 30).map((g) => g.code)).toEqual(["g0", "g1", "g2", "g3", "g4", "g5"]);
    expect(groupPairs(["a", "b", "c"])).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(groupPairs(comparedGroups(many, 30))).toHaveLength(15);
    expect(groupPairs(["a"])).toEqual([]);
  });
});

describe("the report's dates and figures", () => {
  it("span the days (or the public's months) with responses", () => {
    const periods = [
      { period: "2017-05-31", delivered: 2, valid: 2 },
      { period: "2017-03-01", delivered: 1, valid: 0 },
      { period: "2017-04-10", delivered: 0, valid: 0 },
    ];
    expect(responseSpan(periods)).toEqual({ first: "2017-03-01", last: "2017-05-31" });
    expect(responseSpan([])).toBeNull();
    expect(formatPeriod("2017-03-01", "en")).toBe("1 March 2017");
    expect(formatPeriod("2017-03-01", "zh")).toBe("2017年3月1日");
    expect(formatPeriod("2017-05", "en")).toBe("May 2017");
    expect(formatPeriod("2017-05", "zh")).toBe("2017年5月");
  });

  it("print p-values and intervals as the method notes describe them", () => {
    expect(formatP(0.0123)).toBe("p = 0.012");
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatInterval([0.62718, 0.74687])).toBe("62.7–74.7%");
  });
});
