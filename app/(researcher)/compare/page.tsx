// /compare?surveys=jilin-2017,jilin-2020&level=macro: two or more surveys side by side on one level
// (waves of a study, or regions asked the same questionnaire). Each survey is read as the visitor
// may see it: exact for members, the published figures of a public dashboard; any other slug is
// not found, as if it did not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ComparisonChart } from "@/components/analytics/comparison-chart";
import { ComparisonTable } from "@/components/analytics/comparison-table";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { parseSurveysQuery } from "@/lib/analytics/comparison-query-schema";
import { getSurveysComparison } from "@/lib/analytics/get-surveys-comparison";
import { resolveLocale } from "@/lib/i18n/request";
import { FACTOR_LEVELS } from "@/lib/questionnaire/definition-schema";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys.compare"))("title") };
}

function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    for (const v of typeof value === "string" ? [value] : (value ?? [])) out.append(key, v);
  // The first level unless one is chosen.
  if (!out.get("level")) out.set("level", FACTOR_LEVELS[0]);
  return out;
}

export default async function CompareSurveysPage({ searchParams }: Props) {
  const t = await getTranslations("surveys.compare");
  const tDashboard = await getTranslations("dashboard");
  const query = parseSurveysQuery(toSearchParams(await searchParams));
  const header = <PageHeader title={t("title")} lead={t("lead")} back={{ href: "/surveys", label: t("back") }} />;
  if ("issues" in query)
    return (
      <div className="space-y-6">
        {header}
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {t("invalid", { problems: query.issues.map((i) => i.message).join("; ") })}{" "}
          <Link href="/surveys" className="font-medium underline">
            {t("toList")}
          </Link>
        </p>
      </div>
    );
  const { surveys, level } = query;
  const locale = await resolveLocale();
  const result = await getSurveysComparison({ db, actor: await getActor(), slugs: surveys, level, locale });
  if ("notFound" in result) notFound();
  const groups = result.surveys.map((s) => ({ code: s.slug, label: s.title, base: s.base }));
  const levelHref = (l: string) => `/compare?${new URLSearchParams({ surveys: surveys.join(","), level: l })}`;
  return (
    <div className="space-y-6">
      {header}
      <nav aria-label={t("levelNav")} className="flex flex-wrap gap-2 text-sm">
        {FACTOR_LEVELS.map((l) => (
          <Link
            key={l}
            href={levelHref(l)}
            aria-current={l === level ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-md border px-3 ${
              l === level ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 bg-white"
            }`}
          >
            {t(`levels.${l}`)}
          </Link>
        ))}
      </nav>
      <ul className="space-y-1 text-sm" data-testid="compared-surveys">
        {result.surveys.map((s) => (
          <li key={s.slug}>
            <span className="font-medium">{s.title}</span> <code className="text-xs text-slate-500">{s.slug}</code>
            {" · "}
            {s.suppressed ? t("hidden") : t("base", { n: s.base ?? 0 })}
            {" · "}
            {s.access === "member" ? t("exact") : t("published")}
          </li>
        ))}
      </ul>
      <section aria-labelledby="compared-level" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="compared-level" className="text-base font-semibold">
          {tDashboard(`levels.${level}`)}
        </h2>
        {result.factors.length === 0 ? (
          <p className="mt-2 text-sm">{t("noShared")}</p>
        ) : (
          <div className="overflow-x-auto" data-testid="compared-factors">
            <ComparisonChart
              id="surveys"
              title={t("chart", { level: t(`levels.${level}`) })}
              compared="surveys"
              groups={groups}
              factors={result.factors}
            />
            <ComparisonTable groups={groups} factors={result.factors} />
          </div>
        )}
        <p className="mt-2 text-xs text-slate-600">
          {t("note")} {result.surveys.some((s) => s.perturbed) && tDashboard("perturbedNote")}
        </p>
      </section>
      <section aria-labelledby="only-in" className="text-sm" data-testid="only-in">
        <h2 id="only-in" className="text-base font-semibold">
          {t("onlyIn")}
        </h2>
        {result.onlyIn.length === 0 ? (
          <p className="mt-1">{t("allShared")}</p>
        ) : (
          <ul className="mt-1 list-disc pl-5">
            {result.onlyIn.map((f) => (
              <li key={f.code}>
                {t("onlyInItem", {
                  factor: f.label,
                  surveys: f.surveys.map((slug) => groups.find((g) => g.code === slug)!.label).join(", "),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
