// The published questionnaire versions a researcher can field, newest first.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { LocalizedText, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";

export async function listPublishedVersions(opts: { db: Db; actor: Actor; organizationId: string }) {
  const ids = organizationsWhere(opts.actor, "researcher").filter((id) => id === opts.organizationId);
  const versions = await opts.db.questionnaireVersion.findMany({
    where: { questionnaire: { organizationId: { in: ids } } },
    orderBy: [{ publishedAt: "desc" }],
    select: {
      id: true,
      number: true,
      definition: true,
      questionnaireId: true,
      questionnaire: { select: { code: true } },
    },
  });
  return versions.map((v) => {
    const def = v.definition as QuestionnaireDefinition;
    return {
      id: v.id,
      number: v.number,
      questionnaireId: v.questionnaireId,
      code: v.questionnaire.code,
      title: def.title as LocalizedText,
      defaultLocale: def.defaultLocale ?? (def.locales[0] as "zh" | "en"),
    };
  });
}
