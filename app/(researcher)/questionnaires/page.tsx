// /questionnaires: the current organization's questionnaires, and ways to start a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NewQuestionnaireForms } from "@/components/designer/new-questionnaire-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { listQuestionnaires } from "@/lib/questionnaire/list-questionnaires";
import { displayName, localizedText } from "@/lib/questionnaire/localized-text";
import { uniqueCode } from "@/lib/questionnaire/draft-edits";
import { TEMPLATES } from "@/lib/questionnaire/templates";
import { XlsformImportForm } from "@/components/designer/xlsform-import-form";
import { MAX_XLSFORM_BYTES } from "@/lib/questionnaire/xlsform/import-xlsform";
import { createBlankAction, createFromTemplateAction, importAction, importXlsformAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("designer.list"))("title") };
}

export default async function QuestionnairesPage() {
  const { actor, organization } = await requireOrganization({ permission: "questionnaires.read" });
  const t = await getTranslations("designer.list");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const questionnaires = await listQuestionnaires({ db, actor, organizationId: organization.id });
  const codes = questionnaires.map((q) => q.code);
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        lead={organization.name}
        actions={
          <Link href="/questionnaires/factors" className="text-brand-700 underline">
            {t("factorLibrary")}
          </Link>
        }
      />
      {questionnaires.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <Table framed>
          <TableHead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("code")}</Th>
              <Th>{t("latest")}</Th>
              <Th>{t("edited")}</Th>
              <Th>
                <span className="sr-only">{t("links")}</span>
              </Th>
            </tr>
          </TableHead>
          <tbody>
            {questionnaires.map((q) => (
              <TableRow key={q.id}>
                <Td>
                  <Link href={`/questionnaires/${q.id}`} className="font-medium text-brand-700 underline">
                    {displayName(q, locale)}
                  </Link>
                </Td>
                <Td>
                  <code>{q.code}</code>
                </Td>
                <Td>{q.latestVersion ? t("version", { number: q.latestVersion.number }) : t("draftOnly")}</Td>
                <Td>{format.dateTime(q.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td>
                  <Link href={`/questionnaires/${q.id}/versions`} className="underline">
                    {t("versions")}
                  </Link>
                </Td>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
      <section aria-labelledby="new-title" className="space-y-3">
        <h2 id="new-title" className="text-xl font-semibold">
          {t("new")}
        </h2>
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
        <XlsformImportForm importXlsform={importXlsformAction} maxMegabytes={MAX_XLSFORM_BYTES / 1024 / 1024} />
      </section>
    </div>
  );
}
