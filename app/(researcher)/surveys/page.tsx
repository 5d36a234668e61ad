// /surveys: the current organization's surveys with status and counts.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { NumericCell, Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
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
  const { actor, organization } = await requireOrganization({ permission: "surveys.read" });
  const t = await getTranslations("surveys.list");
  const locale = await getLocale();
  const surveys = await listSurveys({ db, actor, organizationId: organization.id });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        lead={organization.name}
        actions={
          roleAtLeast(organization.role, "researcher") && (
            <Button asChild>
              <Link href="/surveys/new">{t("new")}</Link>
            </Button>
          )
        }
      />
      {surveys.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <Table framed>
          <TableHead>
            <tr>
              <Th>{t("survey")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("questionnaire")}</Th>
              <Th numeric>{t("delivered")}</Th>
              <Th numeric>{t("valid")}</Th>
            </tr>
          </TableHead>
          <tbody>
            {surveys.map((s) => (
              <TableRow key={s.id}>
                <Td>
                  <Link href={`/surveys/${s.slug}`} className="font-medium text-brand-700 underline">
                    {locale === "zh" ? s.titleZh : s.titleEn}
                  </Link>
                  <div className="text-xs text-slate-500">/s/{s.slug}</div>
                </Td>
                <Td>
                  <SurveyStatusBadge status={s.status} />
                </Td>
                <Td>
                  <code>{s.version.questionnaire.code}</code> v{s.version.number}
                </Td>
                <NumericCell>{s.delivered}</NumericCell>
                <NumericCell>{s.valid}</NumericCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
