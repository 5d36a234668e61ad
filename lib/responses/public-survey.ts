// A survey as respondents see it: its questionnaire version and whether it takes answers now.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import {
  QuestionnaireDefinitionSchema,
  type Locale,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
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
  /** Invitation-only: the survey has no open link (none, or closed); only personal links answer. */
  requiresToken: boolean;
  linkCollectorId: string | null;
  quotas: { id: string; questionCode: string; optionCode: string; limit: number }[];
  definition: QuestionnaireDefinition;
  /** The settings revision this copy is of (Survey.settingsRevision). */
  settingsRevision: number;
};

// Versions never change once published, so each is read and parsed once per process (not per
// request): the survey lookup below fetches the definition only for a version not seen yet.
const definitions = new Map<string, QuestionnaireDefinition>();

export async function definitionOf(db: Db, versionId: string): Promise<QuestionnaireDefinition> {
  const known = definitions.get(versionId);
  if (known) return known;
  const version = await db.questionnaireVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { definition: true },
  });
  const parsed = QuestionnaireDefinitionSchema.parse(version.definition);
  if (definitions.size > 500) definitions.clear();
  definitions.set(versionId, parsed);
  return parsed;
}

export function surveyStateAt(survey: { opensAt: Date | null; closesAt: Date | null }, now: Date): SurveyState {
  if (survey.opensAt && survey.opensAt > now) return "not_yet_open";
  if (survey.closesAt && survey.closesAt <= now) return "closed";
  return "open";
}

type SurveyRow = {
  id: string;
  organization_id: string;
  version_id: string;
  slug: string;
  title_zh: string;
  title_en: string;
  default_locale: string;
  opens_at: Date | null;
  closes_at: Date | null;
  min_completion_seconds: number | null;
  settings_revision: number;
  collectors: { id: string; kind: string; closed: boolean }[];
  quotas: PublicSurvey["quotas"];
};

/** The survey with this public slug, or null. Public by design: the slug is what respondents are given. */
export async function findPublicSurvey(opts: { db: Db; slug: string; now?: Date }): Promise<PublicSurvey | null> {
  // One round trip for the survey, its collectors and its quotas: every submission starts here.
  const [survey] = await opts.db.$queryRaw<SurveyRow[]>`
    SELECT s.id, s.organization_id, s.version_id, s.slug, s.title_zh, s.title_en, s.default_locale,
      s.opens_at, s.closes_at, s.min_completion_seconds, s.settings_revision,
      COALESCE((SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'closed', c.closed_at IS NOT NULL) ORDER BY c.created_at, c.id)
        FROM collector c WHERE c.survey_id = s.id), '[]') AS collectors,
      COALESCE((SELECT json_agg(json_build_object('id', q.id, 'questionCode', q.question_code, 'optionCode', q.option_code, 'limit', q."limit"))
        FROM quota q WHERE q.survey_id = s.id), '[]') AS quotas
    FROM survey s WHERE s.slug = ${opts.slug}`;
  if (!survey) return null;
  const link = survey.collectors.find((c) => c.kind === "link" && !c.closed);
  const dates = { opensAt: survey.opens_at, closesAt: survey.closes_at };
  return {
    id: survey.id,
    organizationId: survey.organization_id,
    versionId: survey.version_id,
    slug: survey.slug,
    title: { zh: survey.title_zh, en: survey.title_en },
    defaultLocale: isLocale(survey.default_locale) ? survey.default_locale : "zh",
    ...dates,
    minCompletionSeconds: survey.min_completion_seconds,
    state: surveyStateAt(dates, opts.now ?? new Date()),
    requiresToken: !link,
    linkCollectorId: link?.id ?? null,
    quotas: survey.quotas,
    definition: await definitionOf(opts.db, survey.version_id),
    settingsRevision: survey.settings_revision,
  };
}

// Open surveys as this server last read them, by slug: the one-statement store of a submission
// starts from this copy and stores only if it is still of the survey's current settings revision
// (ADR 028). A copy is read again after a minute in any case, so that surveys nobody answers any
// more leave memory.
const recent = new Map<string, { survey: PublicSurvey; readAt: number }>();
const RECENT_MS = 60_000;

/**
 * The survey as this server last read it when it was open then and is still open at `now`, else
 * null. Only for a write that verifies `settingsRevision` in its own statement.
 */
export function recentOpenSurvey(slug: string, now: Date): PublicSurvey | null {
  const entry = recent.get(slug);
  if (!entry || Date.now() - entry.readAt > RECENT_MS) return null;
  const state = surveyStateAt(entry.survey, now);
  return state === "open" ? { ...entry.survey, state } : null;
}

/** Keeps an open survey just read for recentOpenSurvey; forgets one that is not open. */
export function rememberSurvey(survey: PublicSurvey) {
  if (survey.state !== "open") return forgetSurvey(survey.slug);
  if (recent.size > 500) recent.clear();
  recent.set(survey.slug, { survey, readAt: Date.now() });
}

/** Forgets this server's copy of the survey with this slug (none has it any more). */
export function forgetSurvey(slug: string) {
  recent.delete(slug);
}
