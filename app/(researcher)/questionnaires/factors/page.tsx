// /questionnaires/factors: the organization's factor library, shared by its questionnaires so
// surveys can be compared factor by factor.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FactorForm } from "@/components/designer/factor-form";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireOrganization } from "@/lib/auth/require-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { FACTOR_LEVELS } from "@/lib/questionnaire/definition-schema";
import { listFactors } from "@/lib/questionnaire/factor-library";
import { saveFactorAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("designer.factors"))("title") };
}

export default async function FactorsPage() {
  const { actor, organization } = await requireOrganization({ permission: "factors.read" });
  const t = await getTranslations("designer");
  const factors = await listFactors({ db, actor, organizationId: organization.id });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("factors.title")}
        back={{ href: "/questionnaires", label: t("factors.back") }}
        lead={t("factors.lead")}
      />
      {FACTOR_LEVELS.map((level) => (
        <section key={level} aria-labelledby={`level-${level}`}>
          <h2 id={`level-${level}`} className="text-lg font-semibold">
            {t(`levels.${level}`)}
          </h2>
          <Table framed wrapperClassName="mt-2">
            <TableHead>
              <tr>
                <Th>{t("code")}</Th>
                <Th>中文</Th>
                <Th>English</Th>
              </tr>
            </TableHead>
            <tbody>
              {factors
                .filter((f) => f.level === level)
                .map((f) => (
                  <TableRow key={f.id}>
                    <Td>
                      <code>{f.code}</code>
                    </Td>
                    <Td lang="zh">{f.labelZh}</Td>
                    <Td lang="en">{f.labelEn}</Td>
                  </TableRow>
                ))}
            </tbody>
          </Table>
        </section>
      ))}
      {roleAtLeast(organization.role, "researcher") && <FactorForm action={saveFactorAction} />}
    </div>
  );
}
