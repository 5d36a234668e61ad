// Property test of the cell key method over generated surveys (Jilin questionnaire, random firms,
// random record keys drawn from a seed):
//   1. the published figures of a set of responses are a function of that set alone: the breakdown
//      cells, the per-response tallies (a date range around the fieldwork) and the day totals
//      publish the same numbers for the same responses;
//   2. differencing a published group and its published parts recovers a sub-threshold cell
//      exactly no more often than the perturbation table predicts (the chance that the noises on
//      both sides cancel, with independent uniform cell keys).
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { perturbationTable, type NoiseRow } from "@/lib/analytics/disclosure";
import type { DashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { TEMPLATES } from "@/lib/questionnaire/templates";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";
import { setRecordKeys } from "@/tests/fixtures/record-keys";

const jilin = QuestionnaireDefinitionSchema.parse(
  TEMPLATES.find((t) => t.definition.code === "jilin_small_micro")!.definition,
);
const REGIONS = ["changchun", "jilin"];
const SIZES = { micro: 5, small: 40, medium: 150 } as const;
const FACTORS = ["national_policy", "fiscal_tax_support", "ip_protection", "market_access", "venture_capital"];
const DAYS = ["2017-03-02", "2017-03-20", "2017-04-11"];
const T = 10;
const D = 2;
const table = perturbationTable(D);

let db: Db;
beforeAll(() => {
  db = createDbClient(process.env.DATABASE_URL!, 4);
});
afterAll(() => db.$disconnect());

type Firm = { region: number; size: keyof typeof SIZES; factors: boolean[]; day: number };
const firmArb: fc.Arbitrary<Firm> = fc.record({
  region: fc.nat({ max: REGIONS.length - 1 }),
  // Micro firms are rare, so that a region's micro cell is often under the threshold while the
  // region and its other classes are published: the differencing attack's situation.
  size: fc.oneof(
    { arbitrary: fc.constant("micro" as const), weight: 1 },
    { arbitrary: fc.constant("small" as const), weight: 4 },
    { arbitrary: fc.constant("medium" as const), weight: 4 },
  ),
  factors: fc.array(fc.boolean(), { minLength: FACTORS.length, maxLength: FACTORS.length }),
  day: fc.nat({ max: DAYS.length - 1 }),
});

/** The distribution of a sum of independent noises, as value → probability. */
function convolve(rows: NoiseRow[]): Map<number, number> {
  let dist = new Map([[0, 1]]);
  for (const row of rows) {
    const next = new Map<number, number>();
    for (const [v, p] of dist)
      for (const { noise, weight } of row) next.set(v + noise, (next.get(v + noise) ?? 0) + (p * weight) / 65_536);
    dist = next;
  }
  return dist;
}
/** The row a published group size (≥ T) or a count inside a group is perturbed with. */
const sizeRow = (n: number) => table[Math.min(D, n - T)];
const countRow = (n: number) => table[Math.min(D, n)];

let runs = 0;
let attacks = 0;
let recovered = 0;
let expected = 0;

it("publishes a set of responses the same by every path, and differencing recovers cells only by chance", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(firmArb, { minLength: 40, maxLength: 90 }), async (firms) => {
      const { survey, version } = await createEngineSurvey(db, jilin);
      for (const f of firms)
        await addResponse(db, { id: survey.id, versionId: version.id }, jilin, {
          completedAt: new Date(`${DAYS[f.day]}T10:00:00Z`),
          answers: {
            region: REGIONS[f.region],
            industry: "services",
            employees: SIZES[f.size],
            lifecycle_stage: "growth",
            macro_constraints: f.factors.some(Boolean) ? FACTORS.filter((_, i) => f.factors[i]) : ["none"],
          },
        });
      // Keys from a seed rather than the database's random source: the same run on every machine.
      await setRecordKeys(db, survey.id, ++runs);
      const base = {
        id: survey.id,
        slug: survey.slug,
        titleZh: survey.titleZh,
        titleEn: survey.titleEn,
        threshold: T,
        publicDashboard: true,
        previewingPublic: false,
        versionId: version.id,
        definition: jilin,
        disclosure: { method: "perturb" as const, threshold: T, bound: D },
        publicUpdates: { seconds: 60, minResponses: T },
        weighting: null,
      };
      const viewer = (access: DashboardSurvey["access"]): DashboardSurvey => ({ ...base, access });
      const read = (access: DashboardSurvey["access"], breakdowns: Record<string, string>, dates = {}) =>
        getAttention({
          db,
          survey: viewer(access),
          level: "macro",
          filter: { breakdowns, ...dates } as ResultsFilter,
          measure: "cases",
          locale: "en",
        });
      const allDates = { from: "2017-03-01", to: "2017-04-30" };

      // 1. Three paths, the same responses, the same published figures.
      expect(await read("public", {}, allDates)).toEqual(await read("public", {}));
      for (const region of REGIONS)
        expect(await read("public", { region }, allDates)).toEqual(await read("public", { region }));

      // 2. Each region minus its other size classes leaves one size class of it.
      for (const region of REGIONS)
        for (const size of Object.keys(SIZES)) {
          const truth = await read("member", { region, size_class: size });
          if (!truth.base || truth.base >= T) continue;
          const others = Object.keys(SIZES).filter((s) => s !== size);
          const exactParts = await Promise.all(others.map((s) => read("member", { region, size_class: s })));
          const whole = await read("public", { region });
          const parts = await Promise.all(others.map((s) => read("public", { region, size_class: s })));
          // The attacker needs every part published (an empty part publishes 0).
          if (whole.suppressed || parts.some((p, i) => p.suppressed && exactParts[i].base !== 0)) continue;
          const exactWhole = await read("member", { region });
          const published = (r: AttentionResult) => r.base ?? 0;
          const chance = (wholeRow: NoiseRow, partRows: NoiseRow[]) => {
            const sum = convolve(partRows);
            return wholeRow.reduce((p, { noise, weight }) => p + (weight / 65_536) * (sum.get(noise) ?? 0), 0);
          };
          const shownParts = exactParts.filter((p) => (p.base ?? 0) > 0);
          attacks++;
          expected += chance(
            sizeRow(exactWhole.base!),
            shownParts.map((p) => sizeRow(p.base!)),
          );
          if (published(whole) - parts.reduce((s, p) => s + published(p), 0) === truth.base) recovered++;
          // Factor counts, where no clamp to the base interferes.
          for (const code of FACTORS) {
            const count = (r: AttentionResult) => r.factors.find((f) => f.code === code)?.count ?? 0;
            const exactCounts = [exactWhole, ...shownParts].map(count);
            if (exactCounts.some((c, i) => c + D >= ([exactWhole, ...shownParts][i].base ?? 0))) continue;
            attacks++;
            expected += chance(
              countRow(count(exactWhole)),
              shownParts.map((p) => countRow(count(p))),
            );
            if (count(whole) - parts.reduce((s, p) => s + count(p), 0) === count(truth)) recovered++;
          }
        }
    }),
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 15), seed: Number(process.env.PROPERTY_SEED ?? 10) },
  );
  // Observed exact recoveries within three standard deviations of what the table predicts.
  expect(attacks).toBeGreaterThan(10);
  const sd = Math.sqrt(expected * (1 - expected / attacks));
  expect(
    recovered,
    `${recovered} of ${attacks} attacks exact; the table predicts ${expected.toFixed(1)}`,
  ).toBeLessThanOrEqual(expected + 3 * sd + 1);
  expect(recovered).toBeLessThan(attacks);
}, 300_000);
