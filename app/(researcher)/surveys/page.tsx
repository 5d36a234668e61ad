// /surveys: the current organization's surveys with status and counts; two or more ticked open
// side by side on /compare.
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
import { FACTOR_LEVELS } from "@/lib/questionnaire/definition-schema";
import { listSurveys } from "@/lib/surveys/list-surveys";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys.list"))("title") };
}

export default async function SurveysPage() {
  const { actor, organization } = await requireOrganization({ permission: "surveys.read" });
  const t = await getTranslations("surveys.list");
  const tCompare = await getTranslations("surveys.compare");
  const locale = await getLocale();
  const surveys = await listSurveys({ db, actor, organizationId: organization.id });
  const comparable = surveys.length > 1;
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
        // A plain GET form: /compare?surveys=a&surveys=b&level=macro works without JavaScript.
        <form action="/compare" method="get" className="space-y-3">
          <Table framed>
            <TableHead>
              <tr>
                <Th>{t("survey")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("questionnaire")}</Th>
                <Th numeric>{t("delivered")}</Th>
                <Th numeric>{t("valid")}</Th>
                {comparable && <Th>{tCompare("column")}</Th>}
              </tr>
            </TableHead>
            <tbody>
              {surveys.map((s) => {
                const title = locale === "zh" ? s.titleZh : s.titleEn;
                return (
                  <TableRow key={s.id}>
                    <Td>
                      <Link href={`/surveys/${s.slug}`} className="font-medium text-brand-700 underline">
                        {title}
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
                    {comparable && (
                      <Td>
                        <input
                          type="checkbox"
                          name="surveys"
                          value={s.slug}
                          aria-label={tCompare("pick", { title })}
                          className="size-5"
                        />
                      </Td>
                    )}
                  </TableRow>
                );
              })}
            </tbody>
          </Table>
          {comparable && (
            <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
              <div className="max-w-xl">
                <h2 className="text-base font-semibold">{tCompare("formTitle")}</h2>
                <p className="text-sm text-slate-600">{tCompare("formLead")}</p>
              </div>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-slate-700">{tCompare("level")}</span>
                <select name="level" className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm">
                  {FACTOR_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {tCompare(`levels.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="submit">{tCompare("submit")}</Button>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
