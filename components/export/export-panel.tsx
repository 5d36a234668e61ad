"use client";
// The download form for a survey's responses: a plain GET to the export endpoint, so the browser
// streams the file straight to disk with the session cookie. Place it on any researcher page of
// a survey: <ExportPanel slug={survey.slug} />; the dashboard passes its current filter, which
// travels as hidden fields (the same query parameters the dashboard reads).
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { controlClass } from "@/components/ui/form-field";
import { EXPORT_FORMATS } from "@/lib/export/export-query-schema";

export type ExportFilterField = { name: string; value: string; label: string };

export function ExportPanel({ slug, filter = [] }: { slug: string; filter?: ExportFilterField[] }) {
  const t = useTranslations("export.button");
  const locale = useLocale();
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
        action={`/api/v1/surveys/${encodeURIComponent(slug)}/export`}
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
        <Button type="submit">{t("download")}</Button>
      </form>
    </Card>
  );
}
