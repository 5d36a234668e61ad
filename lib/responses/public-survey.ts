// A survey as respondents see it: its questionnaire version and whether it takes answers now.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema, type Locale, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { isLocale } from "@/lib/i18n/locales";

export type SurveyState = "open" | "not_yet_open" | "closed";

export type PublicSurvey = {
  id: string;
  organizationId: string;
  versionId: string;
  slug: string;
  title: { zh: string; en: string };
  defaultLocale: Locale;
  opensAt: Date | null;
  closesAt: Date | null;
  minCompletionSeconds: number | null;
  state: SurveyState;
  /** Invitation-only: the survey has invitation lists and no open link. */
  requiresToken: boolean;
  linkCollectorId: string | null;
  quotas: { id: string; questionCode: string; optionCode: string; limit: number }[];
  definition: QuestionnaireDefinition;
};

// Versions never change once published, so each is parsed once per process (not per request).
const definitions = new Map<string, QuestionnaireDefinition>();

function definitionOf(versionId: string, raw: unknown): QuestionnaireDefinition {
  const known = definitions.get(versionId);
  if (known) return known;
  const parsed = QuestionnaireDefinitionSchema.parse(raw);
  if (definitions.size > 500) definitions.clear();
  definitions.set(versionId, parsed);
  return parsed;
}

export function surveyStateAt(survey: { opensAt: Date | null; closesAt: Date | null }, now: Date): SurveyState {
  if (survey.opensAt && survey.opensAt > now) return "not_yet_open";
  if (survey.closesAt && survey.closesAt <= now) return "closed";
  return "open";
}

/** The survey with this public slug, or null. Public by design: the slug is what respondents are given. */
export async function findPublicSurvey(opts: { db: Db; slug: string; now?: Date }): Promise<PublicSurvey | null> {
  const survey = await opts.db.survey.findUnique({
    where: { slug: opts.slug },
    include: {
      version: { select: { definition: true } },
      collectors: { select: { id: true, kind: true }, orderBy: { createdAt: "asc" } },
      quotas: { select: { id: true, questionCode: true, optionCode: true, limit: true } },
    },
  });
  if (!survey) return null;
  const link = survey.collectors.find((c) => c.kind === "link");
  return {
    id: survey.id,
    organizationId: survey.organizationId,
    versionId: survey.versionId,
    slug: survey.slug,
    title: { zh: survey.titleZh, en: survey.titleEn },
    defaultLocale: isLocale(survey.defaultLocale) ? survey.defaultLocale : "zh",
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    minCompletionSeconds: survey.minCompletionSeconds,
    state: surveyStateAt(survey, opts.now ?? new Date()),
    requiresToken: !link && survey.collectors.some((c) => c.kind === "invitation"),
    linkCollectorId: link?.id ?? null,
    quotas: survey.quotas,
    definition: definitionOf(survey.versionId, survey.version.definition),
  };
}
