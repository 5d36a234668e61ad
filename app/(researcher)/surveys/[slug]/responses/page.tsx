// /surveys/{slug}/responses: the survey's responses, filtered by state, a page at a time.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { RESPONSE_FILTERS, listResponses, type ResponseFilter } from "@/lib/responses/list-responses";
import { getSurvey } from "@/lib/surveys/get-survey";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("responses.list"))("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ status?: string; page?: string }> };

export default async function ResponsesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { actor } = await requireOrganization({ minimumRole: "researcher" });
  const survey = await getSurvey({ db, actor, slug, minimum: "researcher" });
  if (!survey) notFound();
  const t = await getTranslations("responses.list");
  const format = await getFormatter();
  const filter: ResponseFilter = (RESPONSE_FILTERS as readonly string[]).includes(query.status ?? "") ? (query.status as ResponseFilter) : "all";
  const { rows, total, page, pages } = await listResponses({ db, surveyId: survey.id, filter, page: Number(query.page) || 1 });
  const href = (f: ResponseFilter, p = 1) => `/surveys/${slug}/responses?status=${f}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <div className="space-y-4">
      <div>
        <Link href={`/surveys/${slug}`} className="text-sm text-brand-700 underline">{t("back")}</Link>
        <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
      </div>
      <nav aria-label={t("filters")} className="flex flex-wrap gap-2">
        {RESPONSE_FILTERS.map((f) => (
          <Link
            key={f}
            href={href(f)}
            aria-current={f === filter ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t(`filter.${f}`)}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600" data-testid="response-total">{t("total", { count: total })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="p-2">{t("when")}</th>
              <th scope="col" className="p-2">{t("state")}</th>
              <th scope="col" className="p-2">{t("collector")}</th>
              <th scope="col" className="p-2">{t("firm")}</th>
              <th scope="col" className="p-2 text-right">{t("duration")}</th>
              <th scope="col" className="p-2">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const state = r.status === "partial" ? "partial" : r.screenedAt ? "screened" : "valid";
              return (
                <tr key={r.id} className="border-t border-slate-100" data-testid="response-row">
                  <td className="p-2">
                    <Link href={`/surveys/${slug}/responses/${r.id}`} className="text-brand-700 underline">
                      {format.dateTime(r.completedAt ?? r.startedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </Link>
                  </td>
                  <td className="p-2">{t(`filter.${state}`)}</td>
                  <td className="p-2">{r.collector ? t(`collectors.${r.collector.kind}`) : "–"}</td>
                  <td className="p-2">{r.invitation?.firmName ?? r.firmIdentifier ?? "–"}</td>
                  <td className="p-2 text-right tabular-nums">{r.durationSeconds !== null ? t("seconds", { seconds: r.durationSeconds }) : "–"}</td>
                  <td className="p-2">{r.screenedReason ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          {page > 1 && <Link className="underline" href={href(filter, page - 1)}>{t("previous")}</Link>}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && <Link className="underline" href={href(filter, page + 1)}>{t("next")}</Link>}
        </nav>
      )}
    </div>
  );
}
