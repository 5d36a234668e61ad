// /surveys/{slug}/import: import responses from a CSV or Excel file (dry run, then all or nothing).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ResponseImportForm } from "@/components/surveys/response-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { listQuestions, type Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { IMPORT_FIELDS, partsOf } from "@/lib/responses/import/map-columns";
import { getSurvey } from "@/lib/surveys/get-survey";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("responses.import"))("title") };
}

export default async function ResponseImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requireOrganization({ permission: "responses.write" });
  const survey = await getSurvey({ db, actor, slug, minimum: "researcher" });
  if (!survey) notFound();
  const t = await getTranslations("responses.import");
  const locale = (await getLocale()) as Locale;
  const targets = [
    ...IMPORT_FIELDS.map((f) => ({ key: `field:${f}`, label: t(`fields.${f}`), group: t("fieldGroup") })),
    ...listQuestions(survey.definition).flatMap(({ section, question: q }) => {
      const group = localizedText(section.title, locale);
      const label = `${localizedText(q.label, locale)} [${q.code}]`;
      const named = (code: string) =>
        "options" in q
          ? localizedText(q.options.find((o) => o.code === code)?.label, locale)
          : q.type === "matrix"
            ? localizedText(q.rows.find((r) => r.code === code)?.label, locale)
            : code;
      const whole =
        q.type === "matrix"
          ? []
          : [
              {
                key: `question:${q.code}`,
                label: q.type === "multi" || q.type === "rank" ? t("wholeQuestion", { question: label }) : label,
                group,
              },
            ];
      const parts = partsOf(q).map((p) => ({
        key: `part:${q.code}.${p}`,
        label: t("part", { question: localizedText(q.label, locale), part: `${named(p)} [${q.code}.${p}]` }),
        group,
      }));
      return [...whole, ...parts];
    }),
  ];
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: `/surveys/${slug}`, label: t("back") }}
        title={t("title")}
        lead={locale === "zh" ? survey.titleZh : survey.titleEn}
      >
        <p className="mt-2 max-w-2xl text-sm text-slate-700">{t("lead")}</p>
      </PageHeader>
      <ResponseImportForm slug={slug} targets={targets} />
    </div>
  );
}
