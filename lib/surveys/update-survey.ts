// Changes a survey's settings (dates, screening time, small-cell threshold, public dashboard and
// its disclosure control, the sites that may embed it). The audit event keeps every setting, so a
// change of the disclosure method or its parameters is on record.
// The slug and the version stay: links already handed out and stored answers depend on them.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import type { SurveySettingsInput } from "./survey-schema";

/** The survey columns the settings form sets; shared with createSurvey. */
export function surveySettingsColumns(input: SurveySettingsInput) {
  return {
    // A title given in one language only stands in for the other.
    titleZh: input.titleZh || input.titleEn,
    titleEn: input.titleEn || input.titleZh,
    defaultLocale: input.defaultLocale,
    opensAt: input.opensAt ?? null,
    closesAt: input.closesAt ?? null,
    minCompletionSeconds: input.minCompletionSeconds ?? null,
    smallCellThreshold: input.smallCellThreshold,
    publicDashboard: input.publicDashboard,
    disclosureMethod: input.disclosureMethod,
    perturbationBound: input.perturbationBound,
    publicUpdateSeconds: input.publicUpdateSeconds,
    publicUpdateMinResponses: input.publicUpdateMinResponses ?? null,
    embedOrigins: input.embedOrigins,
  };
}

/** False when the actor may not change a survey with that slug. */
export async function updateSurvey(opts: { db: Db; actor: Actor; slug: string; input: SurveySettingsInput }) {
  const { db, actor, input } = opts;
  return db.$transaction(async (tx) => {
    const survey = await tx.survey.findFirst({
      where: { slug: opts.slug, organizationId: { in: organizationsWhere(actor, "researcher") } },
      select: { id: true, organizationId: true },
    });
    if (!survey) return false;
    const data = surveySettingsColumns(input);
    await tx.survey.update({ where: { id: survey.id }, data });
    await recordEvent({
      db: tx,
      organizationId: survey.organizationId,
      actorId: actor.userId,
      action: "survey.updated",
      targetType: "survey",
      targetId: survey.id,
      data: { ...data, opensAt: data.opensAt?.toISOString() ?? null, closesAt: data.closesAt?.toISOString() ?? null },
    });
    return true;
  });
}
