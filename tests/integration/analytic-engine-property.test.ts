// Property test of the analytic engine: random questionnaires (every question type, factors at
// mixed levels, factors carried by several items, non-substantive options and points, show-if)
// and random responses (complete, partial, screened, dated, then some screened, restored and
// deleted). Three counts must agree on every cell and metric:
//   1. the result cells the triggers kept up to date through every write,
//   2. analytics_rebuild from scratch,
//   3. a count written here from DESIGN.md §4 over the answers, without the metric map,
// overall and under random breakdown and date filters (read through sumScope, as the dashboard).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sumScope } from "@/lib/analytics/cell-queries";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";
import { levelItems } from "@/lib/analytics/metric-map";
import type { MetricRow } from "@/lib/analytics/to-attention-result";
import { foldResults } from "@/lib/analytics/results-aggregator";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { Answers } from "@/lib/questionnaire/answer-values";
import {
  DEFINITION_FORMAT,
  FACTOR_LEVELS,
  QuestionnaireDefinitionSchema,
  listQuestions,
  type FactorLevel,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { keepVisibleAnswers } from "@/lib/questionnaire/visibility";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";

let db: Db;
beforeAll(() => {
  db = createDbClient(process.env.DATABASE_URL!, 4);
});
afterAll(() => db.$disconnect());

const t = (en: string) => ({ en });
const REGIONS = ["north", "south", "east"];
const DAYS = ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-15", "2024-03-01"];

// ---- random questionnaires ----------------------------------------------------------------

type Spec = {
  levels: FactorLevel[];
  questions: {
    type: "single" | "multi" | "rank" | "scale" | "matrix";
    /** Indexes into the factors (repeats allowed: a factor may be carried by several items). */
    factors: (number | null)[];
    dontKnow: boolean;
    threshold: number;
    topN: number;
    showIfRegion: number | null;
  }[];
};

const specArb: fc.Arbitrary<Spec> = fc.record({
  levels: fc.array(fc.constantFrom(...FACTOR_LEVELS), { minLength: 2, maxLength: 5 }),
  questions: fc.array(
    fc.record({
      type: fc.constantFrom("single", "multi", "rank", "scale", "matrix"),
      factors: fc.array(fc.option(fc.nat({ max: 4 }), { nil: null, freq: 3 }), { minLength: 1, maxLength: 4 }),
      dontKnow: fc.boolean(),
      threshold: fc.integer({ min: 2, max: 4 }),
      topN: fc.integer({ min: 1, max: 2 }),
      showIfRegion: fc.option(fc.nat({ max: 2 }), { nil: null, freq: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

function definitionOf(spec: Spec): QuestionnaireDefinition {
  const factors = spec.levels.map((level, i) => ({ code: `f${i}`, level, label: t(`F${i}`) }));
  const factorCode = (i: number | null) => (i === null ? undefined : factors[i % factors.length].code);
  const questions = spec.questions.map((q, qi): Record<string, unknown> => {
    const code = `q${qi}`;
    const showIf =
      q.showIfRegion === null ? undefined : { question: "region", op: "equals", value: REGIONS[q.showIfRegion] };
    const base = { code, label: t(code), showIf };
    // Distinct factors per question's options (an option list may not map one factor twice
    // meaningfully); the first slot always maps one, so every question feeds some level.
    const mapped = [...new Set(q.factors.map(factorCode))];
    if (!mapped[0]) mapped[0] = factors[qi % factors.length].code;
    if (q.type === "scale")
      return {
        ...base,
        type: "scale",
        factor: mapped[0],
        attentionThreshold: q.threshold,
        scale: { min: 1, max: 5, points: q.dontKnow ? [{ value: 5, label: t("DK"), nonSubstantive: true }] : [] },
      };
    if (q.type === "matrix")
      return {
        ...base,
        type: "matrix",
        attentionThreshold: q.threshold,
        scale: { min: 0, max: 5, points: q.dontKnow ? [{ value: 0, label: t("DK"), nonSubstantive: true }] : [] },
        rows: mapped.map((f, i) => ({ code: `r${i}`, label: t(`R${i}`), ...(f && { factor: f }) })),
      };
    const options = [
      ...mapped.map((f, i) => ({ code: `o${i}`, label: t(`O${i}`), ...(f && { factor: f }) })),
      { code: "none", label: t("None"), ...(q.type === "multi" && { exclusive: true }) },
      ...(q.dontKnow
        ? [{ code: "dk", label: t("DK"), nonSubstantive: true, ...(q.type === "multi" && { exclusive: true }) }]
        : []),
    ];
    if (q.type === "rank") return { ...base, type: "rank", topN: Math.min(q.topN, options.length), options };
    return { ...base, type: q.type, options };
  });
  return QuestionnaireDefinitionSchema.parse({
    format: DEFINITION_FORMAT,
    code: "engine",
    title: t("Engine"),
    locales: ["en"],
    factors,
    sections: [
      {
        code: "profile",
        title: t("Profile"),
        questions: [
          {
            code: "region",
            type: "single",
            label: t("Region"),
            breakdown: "region",
            options: REGIONS.map((r) => ({ code: r, label: t(r) })),
          },
        ],
      },
      { code: "constraints", title: t("Constraints"), questions },
    ],
  });
}

// ---- random responses ---------------------------------------------------------------------

type ResponseSpec = { seed: number[]; status: "complete" | "partial"; screened: boolean; day: number };
const responseArb: fc.Arbitrary<ResponseSpec> = fc.record({
  seed: fc.array(fc.nat({ max: 1000 }), { minLength: 24, maxLength: 24 }),
  status: fc.constantFrom("complete", "complete", "complete", "partial"),
  screened: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
  day: fc.nat({ max: DAYS.length - 1 }),
});

function answersOf(def: QuestionnaireDefinition, spec: ResponseSpec): Answers {
  let k = 0;
  const next = () => spec.seed[k++ % spec.seed.length];
  const answers: Answers = { region: REGIONS[next() % REGIONS.length] };
  for (const { question: q } of listQuestions(def)) {
    if (q.code === "region" || next() % 5 === 0) continue; // some questions left unanswered
    if (q.type === "single") answers[q.code] = q.options[next() % q.options.length].code;
    if (q.type === "multi") {
      const pick = q.options.filter(() => next() % 2 === 0);
      const exclusive = pick.find((o) => o.exclusive);
      answers[q.code] = exclusive ? [exclusive.code] : pick.length ? pick.map((o) => o.code) : [q.options[0].code];
    }
    if (q.type === "rank") {
      const order = [...q.options].sort(() => (next() % 2) - 0.5).slice(0, q.topN);
      answers[q.code] = order.map((o) => o.code);
    }
    if (q.type === "scale") answers[q.code] = q.scale.min + (next() % (q.scale.max - q.scale.min + 1));
    if (q.type === "matrix")
      answers[q.code] = Object.fromEntries(
        q.rows
          .filter(() => next() % 4 !== 0)
          .map((r) => [r.code, q.scale.min + (next() % (q.scale.max - q.scale.min + 1))]),
      );
  }
  // As the submission path does: answers to questions hidden by showIf are not kept.
  return keepVisibleAnswers(def, answers);
}

// ---- the count from DESIGN.md §4, written without the metric map ---------------------------

type Counted = { id: string; valid: boolean; complete: boolean; region: string; day: string; answers: Answers };
type Figures = { responses: number; mentions: number; valueSum: number; valueCount: number; base: number };

/** Items (what a firm answers once) with the factors they carry, their levels and answers. */
function itemsOf(def: QuestionnaireDefinition) {
  const levelOf = new Map(def.factors.map((f) => [f.code, f.level]));
  type Item = {
    key: string;
    question: QuestionDefinition;
    row?: string;
    factors: string[];
    /** Unmapped substantive options counted as their own row ("none of these"). */
    options: string[];
  };
  const items: Item[] = [];
  for (const { question: q } of listQuestions(def)) {
    if (q.type === "matrix") {
      for (const r of q.rows)
        if (r.factor)
          items.push({ key: `${q.code}.${r.code}`, question: q, row: r.code, factors: [r.factor], options: [] });
    } else if (q.type === "scale") {
      if (q.factor) items.push({ key: q.code, question: q, factors: [q.factor], options: [] });
    } else if ("options" in q) {
      const factors = q.options.flatMap((o) => (o.factor ? [o.factor] : []));
      if (factors.length === 0) continue;
      const options =
        q.type === "rank" ? [] : q.options.filter((o) => !o.factor && !o.nonSubstantive).map((o) => o.code);
      items.push({ key: q.code, question: q, factors, options });
    }
  }
  const levelsOfItem = (item: Item) => new Set(item.factors.map((f) => levelOf.get(f)!));
  return { items, levelOf, levelsOfItem };
}

/** What one answer to an item says: answered substantively, and which factors it flags how often. */
function readItem(item: ReturnType<typeof itemsOf>["items"][number], answers: Answers) {
  const q = item.question;
  const value = answers[q.code];
  const flags = new Map<string, { mentions: number; values: number[] }>();
  const chosen: string[] = [];
  let substantive = false;
  const flag = (factor: string, concern: boolean, v?: number) => {
    const entry = flags.get(factor) ?? { mentions: 0, values: [] };
    if (concern) entry.mentions++;
    if (v !== undefined) entry.values.push(v);
    flags.set(factor, entry);
  };
  if (value === undefined) return { substantive, flags, chosen };
  if (q.type === "scale" || q.type === "matrix") {
    const v = q.type === "scale" ? (value as number) : (value as Record<string, number>)[item.row!];
    if (v === undefined || q.scale.points?.some((p) => p.value === v && p.nonSubstantive))
      return { substantive, flags, chosen };
    substantive = true;
    flag(item.factors[0], v >= q.attentionThreshold!, v);
  } else if ("options" in q) {
    const codes = Array.isArray(value) ? (value as string[]) : [value as string];
    codes.forEach((code, i) => {
      const option = q.options.find((o) => o.code === code);
      if (!option || option.nonSubstantive) return;
      substantive = true;
      if (option.factor) flag(option.factor, q.type === "rank" ? i < q.topN : true);
      else chosen.push(code);
    });
  }
  return { substantive, flags, chosen };
}

function expectedFigures(def: QuestionnaireDefinition, responses: Counted[], level: FactorLevel) {
  const { items, levelOf, levelsOfItem } = itemsOf(def);
  const out = new Map<string, Figures>();
  const get = (metric: string) =>
    out.get(metric) ?? out.set(metric, { responses: 0, mentions: 0, valueSum: 0, valueCount: 0, base: 0 }).get(metric)!;
  let levelBase = 0;
  for (const r of responses.filter((x) => x.valid)) {
    const inBase = new Set<string>();
    const flagged = new Map<string, { mentions: number; values: number[] }>();
    const chosen = new Set<string>();
    let answeredLevel = false;
    for (const item of items) {
      if (!levelsOfItem(item).has(level)) continue;
      const read = readItem(item, r.answers);
      if (!read.substantive) continue;
      answeredLevel = true;
      for (const f of item.factors) if (levelOf.get(f) === level) inBase.add(`f:${f}`);
      for (const o of item.options) inBase.add(`o:${item.key}.${o}`);
      for (const o of read.chosen) if (item.options.includes(o)) chosen.add(`o:${item.key}.${o}`);
      for (const [f, e] of read.flags) {
        if (levelOf.get(f) !== level) continue;
        const prev = flagged.get(f) ?? { mentions: 0, values: [] };
        flagged.set(f, { mentions: prev.mentions + e.mentions, values: [...prev.values, ...e.values] });
      }
    }
    if (answeredLevel) levelBase++;
    for (const metric of inBase) get(metric).base++;
    for (const [f, e] of flagged) {
      const fig = get(`f:${f}`);
      if (e.mentions > 0) fig.responses++;
      fig.mentions += e.mentions;
      fig.valueSum += e.values.reduce((a, b) => a + b, 0);
      fig.valueCount += e.values.length;
    }
    for (const o of chosen) {
      get(o).responses++;
      get(o).mentions++;
    }
  }
  return { levelBase, metrics: out };
}

/** The same figures as the engine publishes them: each metric with its own base. */
function engineFigures(def: QuestionnaireDefinition, rows: MetricRow[], level: FactorLevel) {
  const byMetric = new Map(rows.map((r) => [r.metric, r]));
  const metrics = new Map<string, Figures>();
  for (const item of levelItems(def, level)) {
    const r = byMetric.get(item.metric);
    const base = byMetric.get(item.baseMetric)?.responses ?? 0;
    if (!r && base === 0) continue;
    metrics.set(item.metric, {
      responses: r?.responses ?? 0,
      mentions: r?.mentions ?? 0,
      valueSum: r?.valueSum ?? 0,
      valueCount: r?.valueCount ?? 0,
      base,
    });
  }
  return { levelBase: byMetric.get("base")?.responses ?? 0, metrics };
}

const dropEmpty = (m: Map<string, Figures>) =>
  Object.fromEntries([...m].filter(([, f]) => f.base || f.responses || f.mentions || f.valueCount).sort());

// ---- the property -------------------------------------------------------------------------

/** Every cell, stripes of a day added together, in a canonical order. */
async function cellsOf(surveyId: string) {
  await foldResults(db);
  return db.$queryRaw<{ scope: string; key: string; metric: string; n: number; m: number; vs: number; vc: number }[]>`
    SELECT scope, CASE WHEN left(cell_key, 1) = '{' THEN cell_key ELSE split_part(cell_key, '#', 1) END AS key, metric,
           sum(responses)::int AS n, sum(mentions)::int AS m, sum(value_sum)::float8 AS vs, sum(value_count)::int AS vc
    FROM result_cell WHERE survey_id = ${surveyId}::uuid
    GROUP BY 1, 2, 3
    HAVING sum(responses) <> 0 OR sum(mentions) <> 0 OR sum(value_sum) <> 0 OR sum(value_count) <> 0
    ORDER BY 1, 2, 3`;
}

const filterArb = fc.record({
  region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  from: fc.option(fc.nat({ max: DAYS.length - 1 }), { nil: undefined }),
  to: fc.option(fc.nat({ max: DAYS.length - 1 }), { nil: undefined }),
});

describe("the analytic engine", () => {
  it("counts the same in the triggers' cells, in a rebuild and from scratch, under any filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        specArb,
        fc.array(responseArb, { minLength: 5, maxLength: 30 }),
        fc.array(filterArb, { minLength: 3, maxLength: 3 }),
        async (spec, responseSpecs, filters) => {
          const def = definitionOf(spec);
          const { survey } = await createEngineSurvey(db, def);
          const counted: Counted[] = [];
          for (const rs of responseSpecs) {
            const answers = answersOf(def, rs);
            const complete = rs.status === "complete";
            const created = await addResponse(db, survey, def, {
              answers,
              status: rs.status,
              screened: rs.screened,
              completedAt: new Date(`${DAYS[rs.day]}T12:00:00Z`),
            });
            counted.push({
              id: created.id,
              complete,
              valid: complete && !rs.screened,
              region: String(answers.region),
              day: DAYS[rs.day],
              answers,
            });
          }
          // Later writes: screen one valid response, restore one screened, delete one.
          const toScreen = counted.find((c) => c.valid);
          if (toScreen) {
            await db.response.update({
              where: { id: toScreen.id },
              data: { screenedAt: new Date(), screenedRule: "manual", screenedReason: "p" },
            });
            toScreen.valid = false;
          }
          const toRestore = counted.find((c) => c.complete && !c.valid && c !== toScreen);
          if (toRestore) {
            await db.response.update({
              where: { id: toRestore.id },
              data: { screenedAt: null, screenedRule: null, screenedReason: null },
            });
            toRestore.valid = true;
          }
          const toDelete = counted.at(-1)!;
          await db.response.delete({ where: { id: toDelete.id } });
          counted.pop();

          const maintained = await cellsOf(survey.id);
          await db.$queryRaw`SELECT analytics_rebuild(${survey.id}::uuid)`;
          expect(await cellsOf(survey.id)).toEqual(maintained);

          const all = await sumScope({ db, surveyId: survey.id, scope: "all", filter: { breakdowns: {} } });
          const allOf = (metric: string) => all.find((r) => r.metric === metric)?.responses ?? 0;
          expect([allOf("delivered"), allOf("valid"), allOf("screened")]).toEqual([
            counted.filter((c) => c.complete).length,
            counted.filter((c) => c.valid).length,
            counted.filter((c) => c.complete && !c.valid).length,
          ]);

          for (const f of [{ region: undefined, from: undefined, to: undefined }, ...filters]) {
            const [from, to] = [f.from, f.to].map((d) => (d === undefined ? undefined : DAYS[d]));
            const filter: ResultsFilter = { breakdowns: f.region ? { region: f.region } : {}, from, to };
            const selected = counted.filter(
              (c) => (!f.region || c.region === f.region) && (!from || c.day >= from) && (!to || c.day <= to),
            );
            for (const level of FACTOR_LEVELS) {
              const rows = await sumScope({ db, surveyId: survey.id, scope: level, filter });
              const got = engineFigures(def, rows, level);
              const want = expectedFigures(def, selected, level);
              const where = `${level} ${JSON.stringify(filter)}`;
              expect(got.levelBase, where).toBe(want.levelBase);
              expect(dropEmpty(got.metrics), where).toEqual(dropEmpty(want.metrics));
            }
          }
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 25),
        seed: Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31),
      },
    );
  }, 240_000);
});
