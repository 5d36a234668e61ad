// /questionnaires/{id}: the designer.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Designer } from "@/components/designer/designer";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { listFactors } from "@/lib/questionnaire/factor-library";
import { getQuestionnaire } from "@/lib/questionnaire/get-questionnaire";
import { publishAction, saveDraftAction } from "./actions";
import { roleFor } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("designer"))("pageTitle") };
}

export default async function DesignerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireOrganization({ permission: "questionnaires.read" });
  const questionnaire = await getQuestionnaire({ db, actor, id, minimum: roleFor("questionnaires.read") });
  if (!questionnaire) notFound();
  const t = await getTranslations("designer");
  const library = await listFactors({ db, actor, organizationId: questionnaire.organizationId });
  const latest = questionnaire.versions[0];
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("heading", { code: questionnaire.code })}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {latest ? t("latestVersion", { version: latest.number }) : t("notPublished")} · {t("draftNote")}
      </p>
      <div className="mt-4">
        <Designer
          id={questionnaire.id}
          code={questionnaire.code}
          initialDraft={questionnaire.draft}
          updatedAt={questionnaire.updatedAt.toISOString()}
          library={library.map(({ code, level, labelZh, labelEn }) => ({ code, level, labelZh, labelEn }))}
          save={saveDraftAction.bind(null, questionnaire.id)}
          publish={publishAction.bind(null, questionnaire.id)}
        />
      </div>
    </div>
  );
}
