// /surveys/{slug}/responses/{id}: one response's answers, labelled as the firm saw them, and its screening.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ScreeningForm } from "@/components/surveys/screening-form";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { answerLines } from "@/lib/responses/answer-lines";
import { getResponse } from "@/lib/responses/get-response";
import { eraseAction, markInvalidAction, restoreAction } from "./actions";
import { ActionButton } from "@/components/account/action-button";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("responses.detail"))("title") };
}

export default async function ResponsePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, organization } = await requireOrganization({ permission: "responses.read" });
  const response = await getResponse({ db, actor, slug, id });
  if (!response) notFound();
  const t = await getTranslations("responses.detail");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const lines = answerLines(response.definition, response.answers, locale);
  const state = response.status === "partial" ? "partial" : response.screenedAt ? "screened" : "valid";
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "–");

  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/surveys/${slug}/responses`, label: t("back") }} title={t("title")} />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t("state")}</dt>
            <dd data-testid="response-state">{t(`states.${state}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("collector")}</dt>
            <dd>
              {response.collector ? `${t(`collectors.${response.collector.kind}`)} · ${response.collector.name}` : "–"}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("completed")}</dt>
            <dd>{when(response.completedAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("duration")}</dt>
            <dd>{response.durationSeconds !== null ? t("seconds", { seconds: response.durationSeconds }) : "–"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("version")}</dt>
            <dd>{response.versionNumber}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("firm")}</dt>
            <dd>{response.invitation?.firmName ?? response.firmIdentifier ?? "–"}</dd>
          </div>
          {response.screenedAt && (
            <div className="sm:col-span-2">
              <dt className="text-slate-600">{t("screening")}</dt>
              <dd data-testid="screened-reason">
                {t(`rules.${response.screenedRule ?? "manual"}`)}: {response.screenedReason} (
                {when(response.screenedAt)}
                {response.screenedBy ? `, ${response.screenedBy.name}` : ""})
              </dd>
            </div>
          )}
        </dl>
        {response.status === "complete" && (
          <div className="mt-4">
            <ScreeningForm
              screened={response.screenedAt !== null}
              markInvalid={markInvalidAction.bind(null, slug, id)}
              restore={restoreAction.bind(null, slug, id)}
            />
          </div>
        )}
        {can(organization.role, "responses.erase") && (
          <div className="mt-4">
            <ActionButton
              action={eraseAction.bind(null, slug, id)}
              fields={{}}
              label={t("erase")}
              confirmText={t("confirmErase")}
              variant="danger"
            />
          </div>
        )}
      </Card>
      <Card>
        <CardTitle>{t("answers")}</CardTitle>
        <dl className="mt-3 divide-y divide-slate-100">
          {lines.map((l) => (
            <div key={l.code} className="py-2 text-sm">
              <dt className="font-medium">
                {l.question} <span className="text-xs text-slate-500">({l.code})</span>
              </dt>
              <dd className="mt-1">
                {l.answer.length > 1 ? (
                  <ul className="list-disc pl-5">
                    {l.answer.map((a, i) => (
                      <li key={i}>{a}</li>
                    ))}
                  </ul>
                ) : (
                  l.answer[0]
                )}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
