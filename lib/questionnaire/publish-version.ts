// Publishing freezes a questionnaire's draft into the next immutable version.
import type { Db, Prisma } from "@/lib/db/create-client";
import { storeMetricMap } from "@/lib/analytics/store-metric-map";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "./definition-schema";
import { addFactorsToLibrary } from "./factor-library-sync";

export class DraftInvalidError extends Error {
  constructor(readonly issues: { path: PropertyKey[]; message: string }[]) {
    super("The draft does not pass validation");
  }
}

type PublishedVersion = { id: string; number: number };

/**
 * The only way a version row is made: with its compiled metric map in the same transaction, so no
 * answer to the version can be counted before its rules exist.
 */
export async function insertVersion(
  tx: Prisma.TransactionClient,
  data: { questionnaireId: string; number: number; definition: QuestionnaireDefinition; publishedById?: string | null },
) {
  const version = await tx.questionnaireVersion.create({ data });
  await storeMetricMap(tx, version.id, data.definition);
  return version;
}

/**
 * Returns the new version, or null when no questionnaire of the actor's organization has that id.
 * `onPublished` runs in the same transaction (the audit record); it is a parameter because this
 * module also runs in the seed under plain Node, where server-only modules cannot be imported.
 */
export async function publishVersion(opts: {
  db: Db;
  actor: { organizationId: string; userId: string | null };
  questionnaireId: string;
  onPublished?: (tx: Prisma.TransactionClient, version: PublishedVersion) => Promise<void>;
}) {
  const { db, actor, questionnaireId } = opts;
  return db.$transaction(async (tx) => {
    // Row lock: two concurrent publishes must not both take the same version number.
    const locked = await tx.$queryRaw<{ draft: unknown }[]>`
      SELECT draft FROM questionnaire
      WHERE id = ${questionnaireId}::uuid AND organization_id = ${actor.organizationId}::uuid
      FOR UPDATE`;
    if (locked.length === 0) return null;
    const parsed = QuestionnaireDefinitionSchema.safeParse(locked[0].draft);
    if (!parsed.success) throw new DraftInvalidError(parsed.error.issues);
    const last = await tx.questionnaireVersion.aggregate({ where: { questionnaireId }, _max: { number: true } });
    const version = await insertVersion(tx, {
      questionnaireId,
      number: (last._max.number ?? 0) + 1,
      definition: parsed.data,
      publishedById: actor.userId,
    });
    await addFactorsToLibrary({ tx, organizationId: actor.organizationId, factors: parsed.data.factors });
    await opts.onPublished?.(tx, version);
    return version;
  });
}
