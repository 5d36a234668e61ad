// /surveys: the current organization's surveys with status and counts.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SurveyStatusBadge } from "@/components/surveys/survey-status-badge";
import { requireOrganization } from "@/lib/auth/require-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listSurveys } from "@/lib/surveys/list-surveys";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys.list"))("title") };
}

export default async function SurveysPage() {
  const { actor, organization } = await requireOrganization({ minimumRole: "viewer" });
  const t = await getTranslations("surveys.list");
  const locale = await getLocale();
  const surveys = await listSurveys({ db, actor, organizationId: organization.id });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{organization.name}</p>
        </div>
        {roleAtLeast(organization.role, "researcher") && (
          <Button asChild>
            <Link href="/surveys/new">{t("new")}</Link>
          </Button>
        )}
      </div>
      {surveys.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="p-3">{t("survey")}</th>
                <th scope="col" className="p-3">{t("status")}</th>
                <th scope="col" className="p-3">{t("questionnaire")}</th>
                <th scope="col" className="p-3 text-right">{t("delivered")}</th>
                <th scope="col" className="p-3 text-right">{t("valid")}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id} className="border-t border-slate-100">
                  <td className="p-3">
                    <Link href={`/surveys/${s.slug}`} className="font-medium text-brand-700 underline">
                      {locale === "zh" ? s.titleZh : s.titleEn}
                    </Link>
                    <div className="text-xs text-slate-500">/s/{s.slug}</div>
                  </td>
                  <td className="p-3"><SurveyStatusBadge status={s.status} /></td>
                  <td className="p-3"><code>{s.version.questionnaire.code}</code> v{s.version.number}</td>
                  <td className="p-3 text-right tabular-nums">{s.delivered}</td>
                  <td className="p-3 text-right tabular-nums">{s.valid}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
