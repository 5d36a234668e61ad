// /questionnaires/factors: the organization's factor library, shared by its questionnaires so
// surveys can be compared factor by factor.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FactorForm } from "@/components/designer/factor-form";
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
  const { actor, organization } = await requireOrganization({ minimumRole: "viewer" });
  const t = await getTranslations("designer");
  const factors = await listFactors({ db, actor, organizationId: organization.id });
  return (
    <div className="space-y-6">
      <div>
        <Link href="/questionnaires" className="text-sm text-brand-700 underline">{t("factors.back")}</Link>
        <h1 className="mt-1 text-2xl font-bold">{t("factors.title")}</h1>
        <p className="text-sm text-slate-600">{t("factors.lead")}</p>
      </div>
      {FACTOR_LEVELS.map((level) => (
        <section key={level} aria-labelledby={`level-${level}`}>
          <h2 id={`level-${level}`} className="text-lg font-semibold">{t(`levels.${level}`)}</h2>
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="p-2">{t("code")}</th>
                  <th scope="col" className="p-2">中文</th>
                  <th scope="col" className="p-2">English</th>
                </tr>
              </thead>
              <tbody>
                {factors.filter((f) => f.level === level).map((f) => (
                  <tr key={f.id} className="border-t border-slate-100">
                    <td className="p-2"><code>{f.code}</code></td>
                    <td className="p-2" lang="zh">{f.labelZh}</td>
                    <td className="p-2" lang="en">{f.labelEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {roleAtLeast(organization.role, "researcher") && <FactorForm action={saveFactorAction} />}
    </div>
  );
}
