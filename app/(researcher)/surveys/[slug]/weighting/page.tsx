// /surveys/{slug}/weighting: population targets for the survey's weights (CSV or typed), and the
// state of the last computation.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { WeightingForm } from "@/components/analytics/weighting-form";
import { PageHeader } from "@/components/ui/page-header";
import { getWeighting } from "@/lib/analytics/weighting/get-weighting";
import { findWeightingSurvey } from "@/lib/analytics/weighting/weighting-survey";
import { requireOrganization } from "@/lib/auth/require-actor";
import { exportLabels } from "@/lib/export/export-labels";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("weighting"))("title") };
}

export default async function WeightingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requireOrganization({ permission: "surveys.manage" });
  const found = await findWeightingSurvey(db, actor, slug, "surveys.manage");
  if (found.status !== "ok") notFound();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { survey } = found;
  const view = await getWeighting(db, survey.id, (key, values) => t(key as "weighting.title", values as never));
  const breakdowns = survey.breakdowns.map((b) => ({
    key: b.key,
    // Size class is derived from the employee count: it has no question label of its own.
    label: b.label
      ? localizedText(b.label, locale)
      : ((exportLabels(locale).breakdowns as Record<string, string>)[b.key] ?? b.key),
    codes: b.options.map((o) => o.code),
  }));
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: `/surveys/${slug}`, label: t("weighting.back") }} title={t("weighting.title")}>
        <p className="mt-2 max-w-2xl text-sm text-slate-700">{t("weighting.lead")}</p>
      </PageHeader>
      <WeightingForm slug={slug} breakdowns={breakdowns} initial={view} />
    </div>
  );
}
