"use client";
// The export form for a survey's responses. A response file is made by a background job: the form
// asks the export endpoint (the same query parameters a script uses), and the job appears in the
// list below with its progress, then its file. The codebook and the DDI file are a plain GET, so
// the browser saves them at once. Place it on any researcher page of a survey:
// <ExportPanel slug={survey.slug} />; the dashboard passes its current filter, which travels as
// hidden fields (the same query parameters the dashboard reads).
import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DataJobList } from "@/components/jobs/data-job-list";
import { useDataJobs } from "@/components/jobs/use-data-jobs";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { controlClass } from "@/components/ui/form-field";
import { EXPORT_FORMATS, QUESTIONNAIRE_FORMATS, type ExportFormat } from "@/lib/export/export-query-schema";
import type { DataJobView } from "@/lib/jobs/data-job-schemas";

export type ExportFilterField = { name: string; value: string; label: string };

export function ExportPanel({ slug, filter = [] }: { slug: string; filter?: ExportFilterField[] }) {
  const t = useTranslations("export.button");
  const locale = useLocale();
  const { jobs, add } = useDataJobs(slug);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const action = `/api/v1/surveys/${encodeURIComponent(slug)}/export`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    if (QUESTIONNAIRE_FORMATS.includes(form.get("format") as ExportFormat)) return;
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const query = new URLSearchParams([...form].map(([k, v]) => [k, String(v)]));
      const response = await fetch(`${action}?${query}`, { cache: "no-store" });
      const json = await response.json();
      if (response.status === 202) add(json as DataJobView);
      else setError(json.message ?? t("failed"));
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card aria-labelledby="export-title">
      <CardTitle id="export-title">{t("title")}</CardTitle>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("description")}</p>
      {filter.length > 0 && (
        <p className="mb-4 text-sm text-slate-700" data-testid="export-filter">
          {t("filtered", { filter: filter.map((f) => f.label).join("; ") })}
        </p>
      )}
      <form
        method="get"
        action={action}
        onSubmit={submit}
        className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_1fr_auto] sm:items-end"
      >
        {filter.map((f) => (
          <input key={f.name} type="hidden" name={f.name} value={f.value} />
        ))}
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("format")}</span>
          <select name="format" defaultValue="xlsx" className={controlClass}>
            {EXPORT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(format)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("responses")}</span>
          <select name="responses" defaultValue="all" className={controlClass}>
            <option value="all">{t("allResponses")}</option>
            <option value="valid">{t("validResponses")}</option>
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("language")}</span>
          <select name="locale" defaultValue={locale} className={controlClass}>
            <option value="zh" lang="zh">
              中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("values")}</span>
          <select name="values" defaultValue="labels" className={controlClass}>
            <option value="labels">{t("labels")}</option>
            <option value="codes">{t("codes")}</option>
          </select>
        </label>
        <Button type="submit" disabled={busy}>
          {t("download")}
        </Button>
      </form>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <DataJobList jobs={jobs} />
    </Card>
  );
}
