// Deterministic demo responses for the Jilin template: 250 delivered, 226 valid, 24 screened out.
// Attention counts are built by assigning exact sets of firms to each factor (jilin-demo-plan.ts),
// not by sampling, so the dashboards reproduce the paper's shares on every run.
import type { Answers } from "../questionnaire/answer-values";
import type { Locale } from "../questionnaire/definition-schema";
import { randomUscc } from "./firm-identifier";
import {
  DELIVERED,
  INDUSTRY_FIRMS,
  LEVEL_PLANS,
  LIFECYCLE_FIRMS,
  MIN_DURATION_SECONDS,
  REGION_PLAN,
  SCREENED_COUNTS,
  VALID,
  VALID_DURATION_SECONDS,
  type LevelPlan,
  type ScreeningRule,
} from "./jilin-demo-plan";
import { createSeededRandom, type SeededRandom } from "./seeded-random";

export type { ScreeningRule } from "./jilin-demo-plan";

export interface JilinDemoResponse {
  submissionId: string;
  locale: Locale;
  answers: Answers;
  startedAt: Date;
  completedAt: Date;
  durationSeconds: number;
  firmIdentifier: string;
  screened?: { rule: ScreeningRule; reason: string };
}

export const JILIN_DEMO_EXPECTED = {
  delivered: DELIVERED,
  valid: VALID,
  /** Every valid firm answers every level substantively ("none" included), so each level's base is all of them. */
  base: VALID,
  screened: SCREENED_COUNTS,
  minDurationSeconds: MIN_DURATION_SECONDS,
  /** Valid firms selecting each factor, by factor code. */
  factorCounts: Object.fromEntries(LEVEL_PLANS.flatMap((plan) => Object.entries(plan.counts))),
  /** Valid firms selecting "none of these", by question code. */
  noneCounts: Object.fromEntries(LEVEL_PLANS.map((plan) => [plan.question, plan.none])),
  regionCounts: Object.fromEntries(REGION_PLAN.map((region) => [region.code, region.firms])),
};

const SEED = 20170301;
/** 2017-03-01 00:00 UTC is 08:00 in Beijing; responses start in the 12 working hours after it. */
const FIELDWORK_START_MS = Date.UTC(2017, 2, 1);
const FIELDWORK_DAYS = 92; // March, April and May 2017
const WORKING_DAY_SECONDS = 12 * 3600;
const ENGLISH_SHARE = 0.08;
const DIVISION_CODES = new Map(REGION_PLAN.map((region) => [region.code, region.divisionCode]));

interface Draft {
  answers: Answers;
  firmIdentifier: string;
  durationSeconds: number;
  screened?: { rule: ScreeningRule; reason: string };
}

export function generateJilinDemoResponses(): JilinDemoResponse[] {
  const random = createSeededRandom(SEED);
  const issuedIds = new Set<string>();
  const newFirmId = (region: string) => {
    let id: string;
    do id = randomUscc(random, DIVISION_CODES.get(region)!);
    while (issuedIds.has(id));
    issuedIds.add(id);
    return id;
  };
  const regionPool = repeatByCount(JILIN_DEMO_EXPECTED.regionCounts);
  const industryPool = repeatByCount(INDUSTRY_FIRMS);
  const stagePool = repeatByCount(LIFECYCLE_FIRMS);

  const validDrafts = buildValidDrafts(random, regionPool, industryPool, stagePool, newFirmId);

  const newFirm = (stage: string, employees: number) => {
    const region = random.pick(regionPool);
    const firmIdentifier = newFirmId(region);
    return {
      firmIdentifier,
      profile: profileAnswers(region, random.pick(industryPool), employees, stage, firmIdentifier),
    };
  };

  const tooFast = Array.from({ length: SCREENED_COUNTS.too_fast }, (): Draft => {
    const stage = random.pick(stagePool);
    const { firmIdentifier, profile } = newFirm(stage, plausibleEmployees(random, stage));
    const durationSeconds = random.int(25, 90);
    return {
      // Speeders often click through with "don't know".
      answers: {
        ...profile,
        ...constraintAnswers((plan) => (random.next() < 0.3 ? ["dont_know"] : randomSelection(random, plan))),
      },
      firmIdentifier,
      durationSeconds,
      screened: {
        rule: "too_fast",
        reason: `Completed in ${durationSeconds} s, under the ${MIN_DURATION_SECONDS} s minimum`,
      },
    };
  });

  const inconsistent = Array.from({ length: SCREENED_COUNTS.consistency }, (): Draft => {
    const employees = random.int(60, 100);
    const { firmIdentifier, profile } = newFirm("seed", employees);
    return {
      answers: { ...profile, ...constraintAnswers((plan) => randomSelection(random, plan)) },
      firmIdentifier,
      durationSeconds: validDuration(random),
      screened: { rule: "consistency", reason: `Seed stage (no product yet) but ${employees} employees` },
    };
  });

  // A duplicate must come after the valid response of the same firm, so it is inserted later in the sequence.
  const sequence = random.shuffle([...validDrafts, ...tooFast, ...inconsistent]);
  const originals = random.shuffle(validDrafts).slice(0, SCREENED_COUNTS.duplicate_firm);
  for (const original of originals) {
    const duplicate: Draft = {
      answers: { ...original.answers, ...constraintAnswers((plan) => randomSelection(random, plan)) },
      firmIdentifier: original.firmIdentifier,
      durationSeconds: validDuration(random),
      screened: { rule: "duplicate_firm", reason: `Firm ${original.firmIdentifier} already has a valid response` },
    };
    sequence.splice(random.int(sequence.indexOf(original) + 1, sequence.length), 0, duplicate);
  }

  const startTimes = sequence
    .map(
      () =>
        FIELDWORK_START_MS +
        random.int(0, FIELDWORK_DAYS - 1) * 86_400_000 +
        random.int(0, WORKING_DAY_SECONDS - 1) * 1000,
    )
    .sort((a, b) => a - b);
  return sequence.map((draft, i): JilinDemoResponse => ({
    submissionId: random.uuid(),
    locale: random.next() < ENGLISH_SHARE ? "en" : "zh",
    answers: draft.answers,
    startedAt: new Date(startTimes[i]),
    completedAt: new Date(startTimes[i] + draft.durationSeconds * 1000),
    durationSeconds: draft.durationSeconds,
    firmIdentifier: draft.firmIdentifier,
    ...(draft.screened && { screened: draft.screened }),
  }));
}

function buildValidDrafts(
  random: SeededRandom,
  regionPool: string[],
  industryPool: string[],
  stagePool: string[],
  newFirmId: (region: string) => string,
): Draft[] {
  const regions = random.shuffle(regionPool);
  const industries = random.shuffle(industryPool);
  const stages = random.shuffle(stagePool);
  const selections = LEVEL_PLANS.map((plan) => assignExactSelections(random, plan, VALID));
  return regions.map((region, firm) => {
    const firmIdentifier = newFirmId(region);
    return {
      answers: {
        ...profileAnswers(
          region,
          industries[firm],
          plausibleEmployees(random, stages[firm]),
          stages[firm],
          firmIdentifier,
        ),
        ...Object.fromEntries(LEVEL_PLANS.map((plan, level) => [plan.question, selections[level][firm]])),
      },
      firmIdentifier,
      durationSeconds: validDuration(random),
    };
  });
}

/** Each firm's selection for one level such that exactly `plan.counts[f]` firms select factor f. */
function assignExactSelections(random: SeededRandom, plan: LevelPlan, firmCount: number): string[][] {
  const firms = random.shuffle(Array.from({ length: firmCount }, (_, i) => i));
  const noneFirms = firms.slice(0, plan.none);
  const concerned = firms.slice(plan.none);
  const chosen = new Map(concerned.map((firm) => [firm, new Set<string>()]));
  for (const [factor, count] of Object.entries(plan.counts))
    for (const firm of random.shuffle(concerned).slice(0, count)) chosen.get(firm)!.add(factor);
  // Independent subsets can leave a firm with nothing; moving a factor to it from a firm that
  // keeps another one fixes that without changing any count.
  for (const firm of concerned) {
    if (chosen.get(firm)!.size > 0) continue;
    const donor = random.shuffle(concerned).find((other) => chosen.get(other)!.size > 1);
    if (donor === undefined) throw new Error(`Plan for ${plan.question} cannot give every concerned firm a factor`);
    const factor = random.pick([...chosen.get(donor)!]);
    chosen.get(donor)!.delete(factor);
    chosen.get(firm)!.add(factor);
  }
  const factorOrder = Object.keys(plan.counts);
  const result: string[][] = [];
  for (const firm of noneFirms) result[firm] = ["none"];
  for (const firm of concerned) result[firm] = factorOrder.filter((factor) => chosen.get(firm)!.has(factor));
  return result;
}

/** A selection for a screened response, each factor about as likely as among valid firms. */
function randomSelection(random: SeededRandom, plan: LevelPlan): string[] {
  const selected = Object.entries(plan.counts)
    .filter(([, count]) => random.next() < count / VALID)
    .map(([factor]) => factor);
  return selected.length > 0 ? selected : ["none"];
}

function constraintAnswers(select: (plan: LevelPlan) => string[]): Answers {
  return Object.fromEntries(LEVEL_PLANS.map((plan) => [plan.question, select(plan)]));
}

function profileAnswers(region: string, industry: string, employees: number, stage: string, firmId: string): Answers {
  return { region, industry, employees, lifecycle_stage: stage, firm_id: firmId };
}

/**
 * Seed-stage firms have no product yet and at most nine staff (more is what the consistency rule
 * catches); otherwise about 40% micro (1-9 employees) and the rest small (10-100), skewed low.
 */
function plausibleEmployees(random: SeededRandom, stage: string): number {
  if (stage === "seed" || random.next() < 0.4) return random.int(1, 9);
  return 10 + Math.floor(91 * random.next() ** 2);
}

/** The mean of two uniform draws, so durations cluster mid-range (about 14 minutes) as real ones do. */
function validDuration(random: SeededRandom): number {
  const { min, max } = VALID_DURATION_SECONDS;
  return min + Math.floor(((random.next() + random.next()) / 2) * (max - min));
}

function repeatByCount(counts: Record<string, number>): string[] {
  return Object.entries(counts).flatMap(([code, count]) => Array<string>(count).fill(code));
}
