// The public dashboard's five differencing leaks (issue 10), replayed anonymously against the
// results API of the demo survey: each attack now yields numbers that carry unknown noise, so they
// equal the true sub-threshold cell only by chance, while members still read exact numbers.
// Record keys come from a seed (tests/fixtures/record-keys.ts) so that every run sees the same noise.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KEY_RANGE } from "@/lib/analytics/disclosure";
import { findDashboardSurvey, type DashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { subscribeToPublicResults } from "@/lib/analytics/public-results-feed";
import { startResultsAggregator } from "@/lib/analytics/results-aggregator";
import { subscribeToResults } from "@/lib/analytics/results-listener";
import { getAttention, getComposition } from "@/lib/analytics/results";
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import type { Composition } from "@/lib/analytics/to-composition";
import type { Comparison } from "@/lib/analytics/to-comparison";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";
import { addResponse } from "@/tests/fixtures/engine-surveys";
import { setRecordKeys } from "@/tests/fixtures/record-keys";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

// The caller is anonymous: a visitor of the public dashboard (routes run outside a Next request here).
vi.mock("@/lib/auth/actor", async (original) => ({
  ...(await original<typeof import("@/lib/auth/actor")>()),
  getActor: async () => null,
}));

type Handler = (request: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;
let routes: Record<"attention" | "compare" | "composition", Handler>;
let db: Db;
let member: DashboardSurvey;
const LEVELS: FactorLevel[] = ["macro", "middle", "micro"];
const D = 2;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 4);
  const survey = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
  await setRecordKeys(db, survey.id, 20170301);
  const found = (await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: null }))!;
  member = { ...found, access: "member" };
  const handler = (module: unknown) => (module as { GET: Handler }).GET;
  routes = {
    attention: handler(await import("@/app/api/v1/surveys/[slug]/results/attention/route")),
    compare: handler(await import("@/app/api/v1/surveys/[slug]/results/compare/route")),
    composition: handler(await import("@/app/api/v1/surveys/[slug]/results/composition/route")),
  };
});
afterAll(() => db.$disconnect());

/** An anonymous GET of a results endpoint, as a visitor of the public dashboard makes it. */
async function anonymous<T>(endpoint: keyof typeof routes, query: string): Promise<T> {
  const locale = query.includes("locale=") ? "" : "&locale=en";
  const request = new Request(`http://test/api/v1/surveys/${PAPER_SURVEY_SLUG}/results/${endpoint}?${query}${locale}`);
  const res = await routes[endpoint](request, { params: Promise.resolve({ slug: PAPER_SURVEY_SLUG }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}
const publicAttention = (query: string) => anonymous<AttentionResult>("attention", query);
const exactAttention = (level: FactorLevel, breakdowns: Record<string, string>, measure: "cases" | "responses") =>
  getAttention({ db, survey: member, level, filter: { breakdowns }, measure, locale: "en" });

type Attack = { what: string; recovered: number; truth: number };
const counts = (r: AttentionResult) => new Map(r.factors.map((f) => [f.code, f.count]));

/** What an attacker reads off: the total minus the parts, for the base and every factor. */
function difference(what: string, whole: AttentionResult, parts: AttentionResult[], truth: AttentionResult): Attack[] {
  expect(whole.suppressed, `${what}: the whole is published`).toBe(false);
  for (const p of parts) expect(p.suppressed, `${what}: each part is published`).toBe(false);
  const attacks: Attack[] = [
    { what: `${what} base`, recovered: whole.base! - parts.reduce((s, p) => s + p.base!, 0), truth: truth.base! },
  ];
  const truthCounts = counts(truth);
  for (const [code, count] of counts(whole)) {
    if (parts.some((p) => !counts(p).has(code))) continue;
    attacks.push({
      what: `${what} ${code}`,
      recovered: count - parts.reduce((s, p) => s + counts(p).get(code)!, 0),
      truth: truthCounts.get(code) ?? 0,
    });
  }
  return attacks;
}

/** Unknown noise: most recovered numbers miss the truth, and none by more than the noise allows. */
function expectNoisy(attacks: Attack[], parts: number) {
  expect(attacks.length).toBeGreaterThan(5);
  for (const a of attacks) expect(Math.abs(a.recovered - a.truth), a.what).toBeLessThanOrEqual(D * (parts + 1));
  const exact = attacks.filter((a) => a.recovered === a.truth).length;
  expect(exact / attacks.length, attacks.map((a) => `${a.what}: ${a.recovered} vs ${a.truth}`).join("\n")).toBeLessThan(
    0.6,
  );
}

describe("the five leaks of issue 10, replayed anonymously", () => {
  it("1. breakdown differencing: Jilin City minus its small firms no longer gives its micro firms", async () => {
    const micro = await exactAttention("macro", { region: "jilin", size_class: "micro" }, "cases");
    expect(micro.base).toBeGreaterThan(0);
    expect(micro.base).toBeLessThan(10);
    expect((await publicAttention("level=macro&region=jilin&size_class=micro")).suppressed).toBe(true);
    const attacks: Attack[] = [];
    for (const level of LEVELS)
      for (const measure of ["cases", "responses"] as const) {
        const whole = await publicAttention(`level=${level}&measure=${measure}&region=jilin`);
        const small = await publicAttention(`level=${level}&measure=${measure}&region=jilin&size_class=small`);
        const truth = await exactAttention(level, { region: "jilin", size_class: "micro" }, measure);
        attacks.push(...difference(`${level} ${measure}`, whole, [small], truth));
        // Members read the same cells exactly.
        const exactWhole = await exactAttention(level, { region: "jilin" }, measure);
        const exactSmall = await exactAttention(level, { region: "jilin", size_class: "small" }, measure);
        expect(exactWhole.base! - exactSmall.base!).toBe(truth.base);
      }
    expectNoisy(attacks, 1);
  });

  it("2. date differencing: two ranges a day apart are the same whole months, so they differ by nothing", async () => {
    for (const level of LEVELS) {
      const day4 = await publicAttention(`level=${level}&to=2017-03-04`);
      const day3 = await publicAttention(`level=${level}&to=2017-03-03`);
      expect(day4).toEqual(day3);
      expect(day4).toEqual(await publicAttention(`level=${level}&to=2017-03-31`));
    }
    const composition = await anonymous<Composition>("composition", "to=2017-03-04");
    expect(composition.periodUnit).toBe("month");
    expect(composition.periods.map((p) => p.period)).toEqual(["2017-03"]);
  });

  it("3. comparisons with and without a filter give the suppressed group only with noise", async () => {
    const attacks: Attack[] = [];
    for (const level of LEVELS) {
      const all = await anonymous<Comparison>(
        "compare",
        `level=${level}&compare_by=region&group_a=jilin&group_b=changchun`,
      );
      const small = await anonymous<Comparison>(
        "compare",
        `level=${level}&compare_by=region&group_a=jilin&group_b=changchun&size_class=small`,
      );
      const truth = await exactAttention(level, { region: "jilin", size_class: "micro" }, "cases");
      expect(all.suppressed).toBe(false);
      expect(small.suppressed).toBe(false);
      attacks.push({ what: `${level} base`, recovered: all.baseA! - small.baseA!, truth: truth.base! });
      const truthCounts = counts(truth);
      const smallByCode = new Map(small.factors.map((f) => [f.code, f.a.count]));
      for (const f of all.factors)
        if (smallByCode.has(f.code))
          attacks.push({
            what: `${level} ${f.code}`,
            recovered: f.a.count - smallByCode.get(f.code)!,
            truth: truthCounts.get(f.code) ?? 0,
          });
      // A group of the comparison is published exactly as its own attention chart: same responses, same figures.
      const jilin = await publicAttention(`level=${level}&region=jilin`);
      expect(all.baseA).toBe(jilin.base);
    }
    expectNoisy(attacks, 1);
  });

  it("4. the composition shows no count under the threshold: small groups hidden, months not days", async () => {
    for (const query of ["", "region=jilin", "region=changchun&size_class=small", "industry=services"]) {
      const c = await anonymous<Composition>("composition", query);
      if (c.suppressed) continue;
      const shown = [
        c.totals!.delivered,
        c.totals!.valid,
        ...c.distributions.flatMap((d) => d.bars.map((b) => b.count)),
        ...c.periods.flatMap((p) => [p.delivered]),
      ];
      for (const n of shown) expect(n === 0 || n >= 10, `${query}: ${n}`).toBe(true);
      expect(c.periodUnit).toBe("month");
    }
    const jilin = await anonymous<Composition>("composition", "region=jilin");
    const size = jilin.distributions.find((d) => d.key === "size_class")!;
    expect(size.hiddenBars.map((b) => b.code)).toContain("micro");
    const exact = await getComposition({
      db,
      survey: member,
      filter: { breakdowns: { region: "jilin" } },
      locale: "en",
    });
    expect(exact.periodUnit).toBe("day");
    expect(exact.distributions.find((d) => d.key === "size_class")!.bars.map((b) => b.code)).toContain("micro");
  });

  it("5. the public stream waits for k new valid responses and N seconds; members hear every fold", async () => {
    // As on an app server: the aggregator folds new responses and notifies.
    const stopAggregator = startResultsAggregator(db);
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
    const definition = member.definition;
    const publicHeard: number[] = [];
    const memberHeard: number[] = [];
    const stopPublic = await subscribeToPublicResults({ db, surveyId: survey.id, seconds: 1, minResponses: 3 }, () =>
      publicHeard.push(Date.now()),
    );
    const stopMember = await subscribeToResults(survey.id, () => memberHeard.push(Date.now()));
    const added: string[] = [];
    const add = async () => added.push((await addResponse(db, survey, definition, { answers: JILIN_ANSWERS })).id);
    try {
      await add();
      await expect.poll(() => memberHeard.length, { timeout: 10_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 2500));
      expect(publicHeard).toEqual([]);
      await add();
      await add();
      await expect.poll(() => publicHeard.length, { timeout: 10_000 }).toBe(1);
      // One event per fold: the last two responses may have been folded together.
      expect(memberHeard.length).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 1500));
      expect(publicHeard.length).toBe(1);
    } finally {
      await stopAggregator();
      stopPublic();
      stopMember();
      await db.response.deleteMany({ where: { id: { in: added } } });
    }
  });
});

describe("more attacks", () => {
  it("three-way differences and complements over size classes carry noise too", async () => {
    const attacks: Attack[] = [];
    for (const level of LEVELS) {
      // Changchun = micro + small + medium: the total minus two published classes leaves the third.
      const whole = await publicAttention(`level=${level}&region=changchun`);
      const parts = await Promise.all(
        ["small", "micro"].map((s) => publicAttention(`level=${level}&region=changchun&size_class=${s}`)),
      );
      if (parts.some((p) => p.suppressed)) continue;
      const truth = await exactAttention(level, { region: "changchun", size_class: "medium" }, "cases");
      attacks.push(...difference(`${level} changchun`, whole, parts, truth));
    }
    // The whole survey minus every other region leaves Dunhua (4 firms).
    const regions = member.definition.sections.flatMap((s) => s.questions).find((q) => q.code === "region")!;
    const options = "options" in regions ? regions.options.map((o) => o.code) : [];
    const published = await Promise.all(options.map((r) => publicAttention(`level=macro&region=${r}`)));
    const total = await publicAttention("level=macro");
    const hidden = options.filter((_, i) => published[i].suppressed);
    expect(hidden).toContain("dunhua");
    const shownBases = published.filter((p) => !p.suppressed).reduce((s, p) => s + p.base!, 0);
    let exactHidden = 0;
    for (const r of hidden) exactHidden += (await exactAttention("macro", { region: r }, "cases")).base!;
    attacks.push({ what: "complement of the shown regions", recovered: total.base! - shownBases, truth: exactHidden });
    expectNoisy(attacks, 2);
  });

  it("publishes the same numbers in both languages, and the same set of responses the same way by any path", async () => {
    for (const level of LEVELS) {
      const en = await publicAttention(`level=${level}&region=changchun&locale=en`);
      const zh = await publicAttention(`level=${level}&region=changchun&locale=zh`);
      expect(zh.factors.map((f) => [f.code, f.count, f.n])).toEqual(en.factors.map((f) => [f.code, f.count, f.n]));
      expect(zh.base).toBe(en.base);
      // The breakdown cells and the per-response tallies (a date range around the whole fieldwork)
      // select the same responses: they publish the same figures.
      const byTallies = await publicAttention(`level=${level}&region=changchun&from=2017-01-01&to=2017-12-31`);
      expect(byTallies).toEqual(await publicAttention(`level=${level}&region=changchun`));
      const byDays = await publicAttention(`level=${level}&from=2017-01-01&to=2017-12-31`);
      expect(byDays).toEqual(await publicAttention(`level=${level}`));
    }
  });

  it("members get exact numbers and can preview the public's", async () => {
    const exact = await exactAttention("macro", {}, "cases");
    expect(exact).toMatchObject({ base: 226, perturbed: false });
    expect(exact.factors[0]).toMatchObject({ code: "national_policy", count: 156 });
    const published = await publicAttention("level=macro");
    expect(published.perturbed).toBe(true);
    expect(Math.abs(published.base! - 226)).toBeLessThanOrEqual(D);
    const preview = await getAttention({
      db,
      survey: { ...member, access: "public" },
      level: "macro",
      filter: { breakdowns: {} },
      measure: "cases",
      locale: "en",
    });
    expect(preview).toEqual(published);
  });

  it("keeps the record keys in the database's range, and never shows them", async () => {
    const [range] = await db.$queryRaw<{ range: number }[]>`SELECT analytics_key_range() AS range`;
    expect(range.range).toBe(KEY_RANGE);
    const fresh = await db.$queryRaw<{ min: number; max: number }[]>`
      SELECT min(analytics_new_record_key()) AS min, max(analytics_new_record_key()) AS max FROM generate_series(1, 2000)`;
    expect(fresh[0].min).toBeGreaterThanOrEqual(0);
    expect(fresh[0].max).toBeLessThan(KEY_RANGE);
    expect(fresh[0].max - fresh[0].min).toBeGreaterThan(KEY_RANGE / 2);
    const one = await db.response.findFirstOrThrow({ where: { survey: { slug: PAPER_SURVEY_SLUG } } });
    expect(Object.keys(one)).not.toContain("recordKey");
    expect(JSON.stringify(await publicAttention("level=macro"))).not.toMatch(/key/i);
  });

  it("suppression only: exact public counts, small groups still hidden", async () => {
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
    await db.survey.update({ where: { id: survey.id }, data: { disclosureMethod: "suppress_only" } });
    try {
      const published = await publicAttention("level=macro");
      expect(published).toMatchObject({ base: 226, perturbed: false });
      expect((await publicAttention("level=macro&region=dunhua")).suppressed).toBe(true);
    } finally {
      await db.survey.update({ where: { id: survey.id }, data: { disclosureMethod: "perturb" } });
    }
  });
});

describe("the survey setting", () => {
  it("chooses the method and D, checks them, and records each change in the audit log", async () => {
    const { updateSurvey } = await import("@/lib/surveys/update-survey");
    const { SurveySettingsSchema } = await import("@/lib/surveys/survey-schema");
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
    const researcher = await db.user.findFirstOrThrow({
      where: { memberships: { some: { organizationId: survey.organizationId, role: "researcher" } } },
      include: { memberships: true },
    });
    const actor = {
      userId: researcher.id,
      via: "session" as const,
      memberships: researcher.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
    };
    const form = {
      titleZh: survey.titleZh,
      titleEn: survey.titleEn,
      defaultLocale: "zh",
      smallCellThreshold: "10",
      publicDashboard: "on",
      disclosureMethod: "perturb",
      perturbationBound: "3",
      publicUpdateSeconds: "120",
      publicUpdateMinResponses: "",
    };
    const bad = SurveySettingsSchema.safeParse({ ...form, perturbationBound: "9", disclosureMethod: "noise" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["disclosureMethod", "disclosureMethodInvalid"],
      ["perturbationBound", "numberTooLarge"],
    ]);
    const input = SurveySettingsSchema.parse(form);
    try {
      expect(await updateSurvey({ db, actor, slug: PAPER_SURVEY_SLUG, input })).toBe(true);
      const event = await db.auditEvent.findFirstOrThrow({
        where: { targetId: survey.id, action: "survey.updated" },
        orderBy: { createdAt: "desc" },
      });
      expect(event.data).toMatchObject({
        disclosureMethod: "perturb",
        perturbationBound: 3,
        publicUpdateSeconds: 120,
        publicUpdateMinResponses: null,
      });
      const published = await publicAttention("level=macro");
      expect(Math.abs(published.base! - 226)).toBeLessThanOrEqual(3);
    } finally {
      await db.survey.update({
        where: { id: survey.id },
        data: { perturbationBound: 2, publicUpdateSeconds: 60 },
      });
    }
  });
});
