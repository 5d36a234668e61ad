// The survey a dashboard or results request is about, if the caller may see it: anyone when the
// survey shares its dashboard, otherwise members of the owning organization (viewer or above).
// Anything else is reported as not found, as if it did not exist.
import "server-only";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { validSetSignature } from "./cell-queries";
import { foldResults } from "./results-aggregator";
import type { DisclosureSettings } from "./disclosure";

export type DashboardSurvey = {
  id: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  threshold: number;
  publicDashboard: boolean;
  /** "member": sees every share, exact, small bases marked. "public": the disclosure rules apply. */
  access: "member" | "public";
  /** A member looking at what the public sees (`view=public`). */
  previewingPublic: boolean;
  disclosure: DisclosureSettings;
  /** The public's live updates: at most every `seconds`, after at least `minResponses` new valid responses. */
  publicUpdates: { seconds: number; minResponses: number };
  versionId: string;
  definition: QuestionnaireDefinition;
  /**
   * The survey's weights, once computed at least once (weighted figures are for members), and
   * whether the valid responses moved on since (read once per request, not once per chart).
   */
  weighting: { method: "post_stratify" | "rake"; computedAt: Date; stale: boolean } | null;
};

type StoredWeighting = {
  method: "post_stratify" | "rake";
  status: string;
  computedAt: Date | null;
  weightedResponses: number | null;
  weightedKeySum: bigint | null;
} | null;

/** The weights in use, and whether they were computed for the valid set as it is now. */
async function weightingOf(db: Db, surveyId: string, stored: StoredWeighting): Promise<DashboardSurvey["weighting"]> {
  if (!stored?.computedAt) return null;
  const now = await validSetSignature(db, surveyId);
  const current =
    stored.status === "done" && stored.weightedResponses === now.responses && stored.weightedKeySum === now.keySum;
  return { method: stored.method, computedAt: stored.computedAt, stale: !current };
}

// Versions are immutable, so a parsed definition stays valid for the life of the process.
const definitions = new Map<string, QuestionnaireDefinition>();

export async function findDashboardSurvey({
  db,
  slug,
  actor,
  fold = true,
}: {
  db: Db;
  slug: string;
  actor: Actor | null;
  /** Fold the survey's pending changes first (the primary); a replica reads the cells as they are. */
  fold?: boolean;
}): Promise<DashboardSurvey | null> {
  const organizationIds = organizationsWhere(actor, "viewer");
  const survey = await db.survey.findFirst({
    where: { slug, OR: [{ publicDashboard: true }, { organizationId: { in: organizationIds } }] },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      smallCellThreshold: true,
      publicDashboard: true,
      disclosureMethod: true,
      perturbationBound: true,
      publicUpdateSeconds: true,
      publicUpdateMinResponses: true,
      organizationId: true,
      versionId: true,
      weighting: {
        select: { method: true, status: true, computedAt: true, weightedResponses: true, weightedKeySum: true },
      },
    },
  });
  if (!survey) return null;
  // Whatever this request reads of the cells includes every response stored before it.
  if (fold) await foldResults(db, survey.id);
  let definition = definitions.get(survey.versionId);
  if (!definition) {
    const version = await db.questionnaireVersion.findUniqueOrThrow({
      where: { id: survey.versionId },
      select: { definition: true },
    });
    definition = QuestionnaireDefinitionSchema.parse(version.definition);
    definitions.set(survey.versionId, definition);
  }
  return {
    id: survey.id,
    slug: survey.slug,
    titleZh: survey.titleZh,
    titleEn: survey.titleEn,
    threshold: survey.smallCellThreshold,
    publicDashboard: survey.publicDashboard,
    access: organizationIds.includes(survey.organizationId) ? "member" : "public",
    previewingPublic: false,
    disclosure: {
      method: survey.disclosureMethod,
      threshold: survey.smallCellThreshold,
      bound: survey.perturbationBound,
    },
    publicUpdates: {
      seconds: survey.publicUpdateSeconds,
      minResponses: survey.publicUpdateMinResponses ?? survey.smallCellThreshold,
    },
    versionId: survey.versionId,
    definition,
    weighting: await weightingOf(db, survey.id, survey.weighting),
  };
}
