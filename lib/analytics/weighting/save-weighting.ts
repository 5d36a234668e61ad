// Sets a survey's population targets (from CSV or JSON, checked against its breakdowns: any
// problem and nothing is stored) and asks for its weights to be computed in the background.
// Until that job is done the survey's weighted figures are those of the previous targets, or none.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import { sendWeightsJob } from "@/lib/jobs/job-queue";
import { checkTargets, parseTargetsCsv, type TargetProblem } from "./read-targets";
import type { WeightingBody, WeightingTargets } from "./targets-schema";
import type { WeightingSurvey } from "./weighting-survey";

export async function saveWeighting(opts: {
  db: Db;
  actor: Actor;
  survey: WeightingSurvey;
  body: WeightingBody;
}): Promise<{ kind: "invalid"; problems: TargetProblem[] } | { kind: "saved" }> {
  const { db, actor, survey, body } = opts;
  let targets: WeightingTargets;
  if (body.csv !== undefined) {
    const read = parseTargetsCsv(body.csv, body.method);
    if ("problems" in read) return { kind: "invalid", problems: read.problems };
    targets = read.targets;
  } else targets = body.targets!;
  if (targets.method !== body.method)
    return {
      kind: "invalid",
      problems: [
        {
          row: null,
          column: "method",
          value: targets.method,
          reason: { key: "weighting.problems.methodMismatch", values: {} },
        },
      ],
    };
  const problems = checkTargets(targets, survey.breakdowns);
  if (problems.length) return { kind: "invalid", problems };

  const settings = {
    method: body.method,
    targets,
    trimCap: body.trimCap,
    tolerance: body.tolerance,
    maxIterations: body.maxIterations,
  };
  await db.$transaction(async (tx) => {
    await tx.surveyWeighting.upsert({
      where: { surveyId: survey.id },
      create: { surveyId: survey.id, ...settings, status: "queued", updatedById: actor.userId },
      update: {
        ...settings,
        status: "queued",
        weightedResponses: null,
        weightedKeySum: null,
        updatedById: actor.userId,
      },
    });
    await recordEvent({
      db: tx,
      organizationId: survey.organizationId,
      actorId: actor.userId,
      action: "survey.weighting_set",
      targetType: "survey",
      targetId: survey.id,
      data: settings,
    });
  });
  await sendWeightsJob(survey.id);
  return { kind: "saved" };
}
