// /questionnaires: the current organization's questionnaires, and ways to start a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NewQuestionnaireForms } from "@/components/designer/new-questionnaire-forms";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { listQuestionnaires } from "@/lib/questionnaire/list-questionnaires";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { uniqueCode } from "@/lib/questionnaire/draft-edits";
import { TEMPLATES } from "@/lib/questionnaire/templates";
import { createBlankAction, createFromTemplateAction, importAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("designer.list"))("title") };
}

export default async function QuestionnairesPage() {
  const { actor, organization } = await requireOrganization({ minimumRole: "researcher" });
  const t = await getTranslations("designer.list");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const questionnaires = await listQuestionnaires({ db, actor, organizationId: organization.id });
  const codes = questionnaires.map((q) => q.code);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{organization.name}</p>
        </div>
        <Link href="/questionnaires/factors" className="text-brand-700 underline">{t("factorLibrary")}</Link>
      </div>
      {questionnaires.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="p-3">{t("name")}</th>
                <th scope="col" className="p-3">{t("code")}</th>
                <th scope="col" className="p-3">{t("latest")}</th>
                <th scope="col" className="p-3">{t("edited")}</th>
                <th scope="col" className="p-3"><span className="sr-only">{t("links")}</span></th>
              </tr>
            </thead>
            <tbody>
              {questionnaires.map((q) => (
                <tr key={q.id} className="border-t border-slate-100">
                  <td className="p-3">
                    <Link href={`/questionnaires/${q.id}`} className="font-medium text-brand-700 underline">
                      {localizedText(q.title, locale) || q.code}
                    </Link>
                  </td>
                  <td className="p-3"><code>{q.code}</code></td>
                  <td className="p-3">{q.latestVersion ? t("version", { number: q.latestVersion.number }) : t("draftOnly")}</td>
                  <td className="p-3">{format.dateTime(q.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="p-3">
                    <Link href={`/questionnaires/${q.id}/versions`} className="underline">{t("versions")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-title" className="space-y-3">
        <h2 id="new-title" className="text-xl font-semibold">{t("new")}</h2>
        <NewQuestionnaireForms
          templates={TEMPLATES.map((tpl) => ({
            code: tpl.code,
            title: localizedText(tpl.definition.title, locale),
            source: localizedText(tpl.source, locale),
            suggestedCode: uniqueCode(tpl.code, codes),
          }))}
          createBlank={createBlankAction}
          createFromTemplate={createFromTemplateAction}
          importDefinition={importAction}
        />
      </section>
    </div>
  );
}
