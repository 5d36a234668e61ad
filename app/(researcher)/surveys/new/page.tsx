// /surveys/new[?questionnaire=…&version=N]: field a published questionnaire version as a survey.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SurveySettingsForm } from "@/components/surveys/survey-settings-form";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { displayName } from "@/lib/questionnaire/localized-text";
import { listPublishedVersions } from "@/lib/surveys/list-published-versions";
import { createSurveyAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys.form"))("newTitle") };
}

type Props = { searchParams: Promise<{ questionnaire?: string; version?: string }> };

export default async function NewSurveyPage({ searchParams }: Props) {
  const query = await searchParams;
  const { actor, organization } = await requireOrganization({ permission: "surveys.manage" });
  const t = await getTranslations("surveys.form");
  const locale = (await getLocale()) as Locale;
  const versions = await listPublishedVersions({ db, actor, organizationId: organization.id });
  const chosen =
    versions.find((v) => v.questionnaireId === query.questionnaire && String(v.number) === query.version) ??
    versions[0];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      {versions.length === 0 ? (
        <p className="text-slate-600">
          {t("noVersions")}{" "}
          <Link href="/questionnaires" className="underline">
            {t("toQuestionnaires")}
          </Link>
        </p>
      ) : (
        <SurveySettingsForm
          mode="create"
          action={createSurveyAction}
          versions={versions.map((v) => ({
            id: v.id,
            label: `${displayName(v, locale)} · ${t("versionLabel", { number: v.number })}`,
            titleZh: v.title.zh ?? "",
            titleEn: v.title.en ?? "",
          }))}
          initial={{
            versionId: chosen.id,
            titleZh: chosen.title.zh ?? "",
            titleEn: chosen.title.en ?? "",
            defaultLocale: chosen.defaultLocale,
            opensAt: null,
            closesAt: null,
            minCompletionSeconds: 120,
            smallCellThreshold: 10,
            publicDashboard: false,
            disclosureMethod: "perturb",
            perturbationBound: 2,
            publicUpdateSeconds: 60,
            publicUpdateMinResponses: null,
            embedOrigins: [],
          }}
        />
      )}
    </div>
  );
}
