// Quotas per breakdown value and how full they are. A quota counts complete responses that are
// not screened out, the same set the dashboards count, so a screened-out response frees its place.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { quotaQuestions, type QuotaInput } from "./quota-schema";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";

export type QuotaFill = { id: string; questionCode: string; optionCode: string; limit: number; filled: number };

export async function quotaFill(db: Db, surveyId: string): Promise<QuotaFill[]> {
  const rows = await db.$queryRaw<
    { id: string; question_code: string; option_code: string; limit: number; filled: bigint }[]
  >`
    SELECT q.id::text, q.question_code, q.option_code, q."limit",
           (SELECT count(DISTINCT a.response_id)
              FROM answer a JOIN response r ON r.id = a.response_id
             WHERE a.survey_id = q.survey_id AND a.question_code = q.question_code AND a.option_code = q.option_code
               AND r.valid) AS filled
    FROM quota q WHERE q.survey_id = ${surveyId}::uuid
    ORDER BY q.question_code, q.option_code`;
  return rows.map((r) => ({
    id: r.id,
    questionCode: r.question_code,
    optionCode: r.option_code,
    limit: r.limit,
    filled: Number(r.filled),
  }));
}

export type SetQuotaResult = "saved" | "not_found" | "not_a_breakdown";

/** Creates or changes the quota of one breakdown value of the survey. */
export async function setQuota(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  quota: QuotaInput;
}): Promise<SetQuotaResult> {
  const survey = await opts.db.survey.findFirst({
    where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, "researcher") } },
    select: { id: true, version: { select: { definition: true } } },
  });
  if (!survey) return "not_found";
  const { questionCode, optionCode, limit } = opts.quota;
  const question = quotaQuestions(survey.version.definition as QuestionnaireDefinition).find(
    (q) => q.code === questionCode,
  );
  if (!question || !question.options.some((o) => o.code === optionCode)) return "not_a_breakdown";
  await opts.db.quota.upsert({
    where: { surveyId_questionCode_optionCode: { surveyId: survey.id, questionCode, optionCode } },
    create: { surveyId: survey.id, questionCode, optionCode, limit },
    update: { limit },
  });
  return "saved";
}

/** False when the actor may not change that survey's quotas. */
export async function removeQuota(opts: { db: Db; actor: Actor; slug: string; quotaId: string }) {
  const removed = await opts.db.quota.deleteMany({
    where: {
      id: opts.quotaId,
      survey: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, "researcher") } },
    },
  });
  return removed.count > 0;
}
