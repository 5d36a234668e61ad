// /surveys/{slug}/paper: key in questionnaires that firms filled in on paper.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PaperEntryForm } from "@/components/surveys/paper-entry-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { getSurvey } from "@/lib/surveys/get-survey";
import { enterPaperAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("responses.paper"))("title") };
}

export default async function PaperEntryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requireOrganization({ permission: "responses.write" });
  const survey = await getSurvey({ db, actor, slug, minimum: "researcher" });
  if (!survey) notFound();
  const t = await getTranslations("responses.paper");
  const locale = await getLocale();
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: `/surveys/${slug}`, label: t("back") }}
        title={t("title")}
        lead={locale === "zh" ? survey.titleZh : survey.titleEn}
      >
        <p className="mt-2 max-w-2xl text-sm text-slate-700">{t("lead")}</p>
      </PageHeader>
      <PaperEntryForm slug={slug} definition={survey.definition} enter={enterPaperAction.bind(null, slug)} />
    </div>
  );
}
