// Where a firm that opens a closed survey's link can answer instead: the newest survey of the same
// organization and questionnaire (any version) that takes answers by open link now, such as the
// next wave of a panel, or the demo's try-it survey beside the paper's closed wave.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { surveyStateAt, type PublicSurvey } from "./public-survey";

type Candidate = { slug: string; title_zh: string; title_en: string; opens_at: Date | null; closes_at: Date | null };

export async function openWaveOf(opts: {
  db: Db;
  survey: Pick<PublicSurvey, "id" | "organizationId" | "versionId">;
  now?: Date;
}): Promise<{ slug: string; title: { zh: string; en: string } } | null> {
  const candidates = await opts.db.$queryRaw<Candidate[]>`
    SELECT s.slug, s.title_zh, s.title_en, s.opens_at, s.closes_at
    FROM survey s JOIN questionnaire_version v ON v.id = s.version_id
    WHERE s.organization_id = ${opts.survey.organizationId}::uuid AND s.id <> ${opts.survey.id}::uuid
      AND v.questionnaire_id = (SELECT questionnaire_id FROM questionnaire_version WHERE id = ${opts.survey.versionId}::uuid)
      AND EXISTS (SELECT 1 FROM collector c WHERE c.survey_id = s.id AND c.kind = 'link' AND c.closed_at IS NULL)
    ORDER BY s.created_at DESC, s.id
    LIMIT 20`;
  const now = opts.now ?? new Date();
  const open = candidates.find((c) => surveyStateAt({ opensAt: c.opens_at, closesAt: c.closes_at }, now) === "open");
  return open ? { slug: open.slug, title: { zh: open.title_zh, en: open.title_en } } : null;
}
