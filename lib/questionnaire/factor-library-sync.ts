// Keeps the organization's factor library in step with the questionnaires that use it: every
// factor a questionnaire declares exists in the library under the same code, so surveys of
// different questionnaires can be compared factor by factor. Existing entries are never
// overwritten: the library's labels win. Not server-only: the seed (plain Node) publishes too.
import type { Prisma } from "@/lib/db/create-client";
import type { FactorDefinition } from "./definition-schema";

export async function addFactorsToLibrary(opts: {
  tx: Prisma.TransactionClient;
  organizationId: string;
  factors: FactorDefinition[];
}) {
  if (opts.factors.length === 0) return;
  await opts.tx.factor.createMany({
    data: opts.factors.map((f) => ({
      organizationId: opts.organizationId,
      code: f.code,
      level: f.level,
      labelZh: f.label.zh || f.label.en || f.code,
      labelEn: f.label.en || f.label.zh || f.code,
    })),
    skipDuplicates: true,
  });
}
