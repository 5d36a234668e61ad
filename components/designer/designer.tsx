"use client";
// The questionnaire designer: sections and questions on the left, the respondent's page as a live
// preview on the right. Every change is checked against QuestionnaireDefinitionSchema (the same
// schema as the import API and the respondent form) and its issues appear at the fields; the
// draft saves itself shortly after each change.
import { useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { issueMap } from "@/lib/questionnaire/definition-issues";
import { definitionMessageIn } from "@/lib/questionnaire/definition-issue-text";
import { duplicateSection, moveItem, newSection, uniqueCode } from "@/lib/questionnaire/draft-edits";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import { DesignerContext, type LibraryFactor } from "./designer-context";
import { LocalizedField } from "./fields";
import { ItemActions } from "./item-actions";
import { PreviewPane } from "./preview-pane";
import { SectionEditor } from "./section-editor";
import { useDraftHistory } from "./use-draft-history";
import { useAutosave, type SaveDraft } from "./use-autosave";

export type PublishDraft = () => Promise<
  { ok: true; version: number } | { ok: false; error: "not_found" | "invalid"; details?: string[] }
>;

export function Designer(props: {
  id: string;
  code: string;
  initialDraft: DraftDefinition;
  updatedAt: string;
  library: LibraryFactor[];
  save: SaveDraft;
  publish: PublishDraft;
}) {
  const t = useTranslations("designer");
  const locale = useLocale() as "zh" | "en";
  const { draft, version, canUndo, update, undo } = useDraftHistory(props.initialDraft);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [publishError, setPublishError] = useState<string | null>(null);
  const autosave = useAutosave({ draft, version, updatedAt: props.updatedAt, save: props.save });

  const parsed = useMemo(
    () =>
      QuestionnaireDefinitionSchema.safeParse(
        draft,
        locale === "zh" ? { error: z.locales.zhCN().localeError } : undefined,
      ),
    [draft, locale],
  );
  const issues = useMemo(
    () =>
      issueMap(
        parsed.success
          ? []
          : parsed.error.issues.map((i) => ({ ...i, message: definitionMessageIn(i.message, locale) })),
      ),
    [parsed, locale],
  );
  // The preview keeps showing the last definition that parsed while the draft has problems.
  const [lastValid, setLastValid] = useState<QuestionnaireDefinition | null>(parsed.success ? parsed.data : null);
  if (parsed.success && parsed.data !== lastValid) setLastValid(parsed.data);
  const issueCount = parsed.success ? 0 : parsed.error.issues.length;

  const context = useMemo(
    () => ({ draft, update, issues, library: props.library, announceDeletion: setDeleted }),
    [draft, update, issues, props.library],
  );

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const publish = async () => {
    setPublishError(null);
    setPublished(null);
    if (!(await autosave.flush())) return;
    const result = await props.publish();
    if (result.ok) setPublished(result.version);
    else setPublishError([t(`publishErrors.${result.error}`), ...(result.details ?? [])].join(" "));
  };

  return (
    <DesignerContext.Provider value={context}>
      <div className="sticky top-0 z-10 -mx-4 mb-4 flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white/95 px-4 py-2">
        <Button type="button" variant="secondary" size="sm" disabled={!canUndo} onClick={undo}>
          {t("undo")}
        </Button>
        <Button type="button" size="sm" disabled={issueCount > 0 || autosave.state === "saving"} onClick={publish}>
          {t("publish")}
        </Button>
        <Button asChild variant="ghost" size="sm">
          <a href={`/api/v1/questionnaires/${props.id}/definition`} download>
            {t("exportJson")}
          </a>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <a href={`/api/v1/questionnaires/${props.id}/xlsform`} download>
            {t("xlsform.exportXlsform")}
          </a>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href={`/questionnaires/${props.id}/versions`}>{t("versionsLink")}</Link>
        </Button>
        <p role="status" className="text-sm text-slate-600" data-testid="save-state">
          {t(`saveState.${autosave.state}`)}
        </p>
        <p className={issueCount ? "text-sm text-red-700" : "text-sm text-green-800"} data-testid="issue-total">
          {issueCount ? t("issueTotal", { count: issueCount }) : t("noIssues")}
        </p>
      </div>
      <div aria-live="polite" className="space-y-2">
        {deleted && (
          <p className="flex flex-wrap items-center gap-2 rounded-md bg-slate-800 px-3 py-2 text-sm text-white">
            {t("deleted", { name: deleted })}
            <button type="button" className="font-semibold underline" onClick={() => (undo(), setDeleted(null))}>
              {t("undo")}
            </button>
          </p>
        )}
        {published !== null && (
          <p className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
            {t("publishedAs", { version: published })}{" "}
            <Link className="underline" href={`/surveys/new?questionnaire=${props.id}&version=${published}`}>
              {t("fieldIt")}
            </Link>
          </p>
        )}
        {(publishError || autosave.error) && (
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-800">
            {publishError ?? autosave.error}
          </p>
        )}
      </div>
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_406px]">
        <div className="min-w-0 space-y-4">
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{t("codeIs", { code: props.code })}</p>
            <LocalizedField path={["title"]} label={t("title")} />
            <LocalizedField path={["description"]} label={t("description")} multiline optional />
          </div>
          {draft.sections.map((section, si) => {
            const name = section.title.zh || section.title.en || section.code;
            return (
              <SectionEditor
                key={si}
                sectionIndex={si}
                actions={
                  <ItemActions
                    name={name}
                    index={si}
                    count={draft.sections.length}
                    onMove={(to) => update((d) => void (d.sections = moveItem(d.sections, si, to)))}
                    onDuplicate={() => update(() => duplicateSection(draft, si))}
                    onDelete={
                      draft.sections.length > 1
                        ? () => {
                            update((d) => void d.sections.splice(si, 1));
                            setDeleted(name);
                          }
                        : undefined
                    }
                  />
                }
              />
            );
          })}
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              update(
                (d) =>
                  void d.sections.push(
                    newSection(
                      uniqueCode(
                        `section_${d.sections.length + 1}`,
                        d.sections.map((s) => s.code),
                      ),
                    ),
                  ),
              )
            }
          >
            {t("addSection")}
          </Button>
        </div>
        <div className="lg:sticky lg:top-16 lg:self-start">
          <PreviewPane definition={lastValid} stale={!parsed.success && lastValid !== null} />
        </div>
      </div>
    </DesignerContext.Provider>
  );
}
