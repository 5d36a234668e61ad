// /surveys/{slug}: a survey's status, counts, links, collectors, quotas and settings.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CollectorsTable } from "@/components/surveys/collectors-table";
import { InvitationUpload } from "@/components/surveys/invitation-upload";
import { QuotaPanel } from "@/components/surveys/quota-panel";
import { SurveyLinks } from "@/components/surveys/survey-links";
import { ExportPanel } from "@/components/export/export-panel";
import { SurveySettingsForm } from "@/components/surveys/survey-settings-form";
import { ReapplyMinimumTime } from "@/components/surveys/reapply-minimum-time";
import { SurveyStatusBadge } from "@/components/surveys/survey-status-badge";
import { requireOrganization } from "@/lib/auth/require-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { responseCounts } from "@/lib/responses/counts";
import { getSurvey } from "@/lib/surveys/get-survey";
import { listCollectors } from "@/lib/surveys/list-collectors";
import { quotaFill } from "@/lib/surveys/quotas";
import {
  createInvitationsAction,
  removeQuotaAction,
  setCollectorOpenAction,
  setQuotaAction,
  updateSurveyAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function SurveyPage({ params }: Props) {
  const { slug } = await params;
  const { actor } = await requireOrganization({ permission: "surveys.read" });
  const survey = await getSurvey({ db, actor, slug });
  if (!survey) notFound();
  const t = await getTranslations("surveys.page");
  const locale = await getLocale();
  const canManage = roleAtLeast(
    actor.memberships.find((m) => m.organizationId === survey.organizationId)?.role ?? "viewer",
    "researcher",
  );
  const [counts, collectors, quotas] = await Promise.all([
    responseCounts(db, survey.id),
    listCollectors(db, survey.id),
    quotaFill(db, survey.id),
  ]);
  const countCards = [
    { key: "delivered", value: counts.delivered, filter: "all" },
    { key: "valid", value: counts.valid, filter: "valid" },
    { key: "screened", value: counts.screened, filter: "screened" },
    { key: "partial", value: counts.partial, filter: "partial" },
  ] as const;

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/surveys", label: t("back") }}
        title={
          <>
            {locale === "zh" ? survey.titleZh : survey.titleEn} <SurveyStatusBadge status={survey.status} />
          </>
        }
        lead={
          <>
            {t("fromVersion", { code: survey.version.questionnaire.code, number: survey.version.number })}{" "}
            {canManage && (
              <Link className="underline" href={`/questionnaires/${survey.version.questionnaire.id}/versions`}>
                {t("versions")}
              </Link>
            )}
          </>
        }
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {countCards.map((c) => (
          <div key={c.key} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{t(`counts.${c.key}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`count-${c.key}`}>
              {canManage ? <Link href={`/surveys/${slug}/responses?status=${c.filter}`}>{c.value}</Link> : c.value}
            </dd>
          </div>
        ))}
      </dl>
      <SurveyLinks slug={slug} canManage={canManage} />
      {canManage && (
        <>
          <ExportPanel slug={slug} />
          <Card>
            <CardTitle>{t("collectors")}</CardTitle>
            {collectors.some((c) => c.kind === "link") && collectors.every((c) => c.kind !== "link" || c.closedAt) && (
              <p className="mt-2 text-sm text-amber-800" data-testid="invite-only">
                {t("inviteOnly")}
              </p>
            )}
            <CollectorsTable collectors={collectors} setOpen={setCollectorOpenAction.bind(null, slug)} />
          </Card>
          <Card>
            <CardTitle>{t("invitations")}</CardTitle>
            <div className="mt-3">
              <InvitationUpload slug={slug} create={createInvitationsAction.bind(null, slug)} />
            </div>
          </Card>
          <QuotaPanel
            definition={survey.definition}
            quotas={quotas}
            setQuota={setQuotaAction.bind(null, slug)}
            removeQuota={removeQuotaAction.bind(null, slug)}
          />
          <Card>
            <CardTitle>{t("settings")}</CardTitle>
            <div className="mt-3">
              <SurveySettingsForm
                mode="edit"
                action={updateSurveyAction.bind(null, slug)}
                initial={{
                  titleZh: survey.titleZh,
                  titleEn: survey.titleEn,
                  defaultLocale: survey.defaultLocale === "en" ? "en" : "zh",
                  opensAt: survey.opensAt?.toISOString() ?? null,
                  closesAt: survey.closesAt?.toISOString() ?? null,
                  minCompletionSeconds: survey.minCompletionSeconds,
                  smallCellThreshold: survey.smallCellThreshold,
                  publicDashboard: survey.publicDashboard,
                  disclosureMethod: survey.disclosureMethod,
                  perturbationBound: survey.perturbationBound,
                  publicUpdateSeconds: survey.publicUpdateSeconds,
                  publicUpdateMinResponses: survey.publicUpdateMinResponses,
                  embedOrigins: survey.embedOrigins,
                }}
              />
              <ReapplyMinimumTime slug={slug} minCompletionSeconds={survey.minCompletionSeconds} />
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
