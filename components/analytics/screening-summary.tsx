"use client";
// Under the sample counts, for members: how many complete responses were screened out and by which
// rule, with a link to review them, so a dashboard showing "Valid 0" says why.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ScreenedByRule } from "@/lib/responses/screened-by-rule";

export function ScreeningSummary({ slug, summary }: { slug: string; summary: ScreenedByRule }) {
  const t = useTranslations("dashboard.screening");
  const rules = useTranslations("responses.detail.rules");
  const format = useFormatter();
  if (summary.rules.length === 0) return null;
  const total = summary.rules.reduce((sum, r) => sum + r.count, 0);
  return (
    <section
      aria-labelledby="screening-title"
      className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="screening-summary"
    >
      <h2 id="screening-title" className="font-semibold">
        {t("title", { count: total })}
      </h2>
      <ul className="mt-2 space-y-1">
        {summary.rules.map((r) => (
          <li key={r.rule} data-testid={`screened-${r.rule}`}>
            {rules(r.rule)}
            {r.rule === "too_fast" && summary.minCompletionSeconds !== null
              ? ` ${t("tooFastLimit", { seconds: summary.minCompletionSeconds })}`
              : ""}
            : <span className="font-semibold tabular-nums">{format.number(r.count)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2">{t("lead")}</p>
      {summary.reviewable && (
        <Link
          href={`/surveys/${encodeURIComponent(slug)}/responses?status=screened`}
          className="mt-2 inline-block font-medium text-brand-800 underline"
        >
          {t("review")}
        </Link>
      )}
    </section>
  );
}
