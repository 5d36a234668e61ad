// /surveys/{slug}/responses: the survey's responses, filtered by state, a page at a time.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { NumericCell, Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { listResponses } from "@/lib/responses/list-responses";
import { RESPONSE_FILTERS, type ResponseFilter } from "@/lib/responses/response-api-schemas";
import { getSurvey } from "@/lib/surveys/get-survey";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("responses.list"))("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ status?: string; page?: string }> };

export default async function ResponsesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { actor } = await requireOrganization({ permission: "responses.read" });
  const survey = await getSurvey({ db, actor, slug, minimum: "researcher" });
  if (!survey) notFound();
  const t = await getTranslations("responses.list");
  const format = await getFormatter();
  const filter: ResponseFilter = (RESPONSE_FILTERS as readonly string[]).includes(query.status ?? "")
    ? (query.status as ResponseFilter)
    : "all";
  const { rows, total, page, pages } = await listResponses({
    db,
    surveyId: survey.id,
    filter,
    page: Number(query.page) || 1,
  });
  const href = (f: ResponseFilter, p = 1) => `/surveys/${slug}/responses?status=${f}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} back={{ href: `/surveys/${slug}`, label: t("back") }} />
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
      <p className="text-sm text-slate-600" data-testid="response-total">
        {t("total", { count: total })}
      </p>
      <Table framed>
        <TableHead>
          <tr>
            <Th>{t("when")}</Th>
            <Th>{t("state")}</Th>
            <Th>{t("collector")}</Th>
            <Th>{t("firm")}</Th>
            <Th numeric>{t("duration")}</Th>
            <Th>{t("reason")}</Th>
          </tr>
        </TableHead>
        <tbody>
          {rows.map((r) => {
            const state = r.status === "partial" ? "partial" : r.screenedAt ? "screened" : "valid";
            return (
              <TableRow key={r.id} data-testid="response-row">
                <Td>
                  <Link href={`/surveys/${slug}/responses/${r.id}`} className="text-brand-700 underline">
                    {format.dateTime(r.completedAt ?? r.startedAt, { dateStyle: "medium", timeStyle: "short" })}
                  </Link>
                </Td>
                <Td>{t(`filter.${state}`)}</Td>
                <Td>{r.collector ? t(`collectors.${r.collector.kind}`) : "–"}</Td>
                <Td>{r.invitation?.firmName ?? r.firmIdentifier ?? "–"}</Td>
                <NumericCell>
                  {r.durationSeconds !== null ? t("seconds", { seconds: r.durationSeconds }) : "–"}
                </NumericCell>
                <Td>{r.screenedReason ?? ""}</Td>
              </TableRow>
            );
          })}
        </tbody>
      </Table>
      {pages > 1 && (
        <Pager
          label={t("pages")}
          status={t("pageOf", { page, pages })}
          previous={page > 1 ? { href: href(filter, page - 1), label: t("previous") } : undefined}
          next={page < pages ? { href: href(filter, page + 1), label: t("next") } : undefined}
        />
      )}
    </div>
  );
}
