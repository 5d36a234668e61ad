"use client";
// The questionnaire designer: an outline of sections and questions, the editor (one question
// open at a time), and the respondent's page as a live preview with the draft's problems listed
// beside it. Every change is checked against QuestionnaireDefinitionSchema (the same schema as
// the import API and the respondent form); a field's issues appear at it once the researcher has
// touched it, and all of them once publishing is tried. The draft saves itself shortly after
// each change.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { current } from "immer";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { issueMap, touchedIssues } from "@/lib/questionnaire/definition-issues";
import { definitionMessageIn } from "@/lib/questionnaire/definition-issue-text";
import {
  duplicateSection,
  indexAfterDelete,
  indexAfterMove,
  moveItem,
  newSection,
  uniqueCode,
  type DraftDefinition,
} from "@/lib/questionnaire/draft-edits";
import { itemKey } from "@/lib/questionnaire/item-keys";
import { displayName } from "@/lib/questionnaire/localized-text";
import { previewDefinition } from "@/lib/questionnaire/preview-definition";
import { DesignerContext, type LibraryFactor } from "./designer-context";
import { LocalizedField } from "./fields";
import { ItemActions } from "./item-actions";
import { Outline } from "./outline";
import { PreviewPane } from "./preview-pane";
import { ProblemsList } from "./problems-list";
import { SectionEditor } from "./section-editor";
import { SortableItem, SortableList } from "./sortable-list";
import { useDraftHistory } from "./use-draft-history";
import { useAutosave, type SaveDraft } from "./use-autosave";
import { useDesignerNavigation } from "./use-designer-navigation";

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
  const preview: QuestionnaireDefinition = useMemo(
    () => (parsed.success ? parsed.data : previewDefinition(draft)),
    [parsed, draft],
  );
  const issueCount = parsed.success ? 0 : parsed.error.issues.length;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [publishTried, setPublishTried] = useState(false);
  const touch = useCallback((key: string) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key))), []);
  const shownIssues = useMemo(
    () => (publishTried ? issues : touchedIssues(issues, touched)),
    [issues, touched, publishTried],
  );
  const { selected, select: setSelection, goTo } = useDesignerNavigation(draft, touch);

  const context = useMemo(
    () => ({
      draft,
      update,
      issues: shownIssues,
      allIssues: issues,
      touch,
      library: props.library,
      announceDeletion: setDeleted,
      selected,
      select: setSelection,
      goTo,
    }),
    [draft, update, shownIssues, issues, touch, props.library, selected, setSelection, goTo],
  );

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const sectionName = (si: number) => displayName(draft.sections[si], locale);
  const moveSection = (from: number, to: number) => {
    update((d) => void (d.sections = moveItem(d.sections, from, to)));
    setSelection((sel) => (sel ? { ...sel, section: indexAfterMove(sel.section, from, to) } : sel));
  };
  const addSection = () => {
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
    );
    setSelection({ section: draft.sections.length, question: 0 });
  };

  const publish = async () => {
    setPublishError(null);
    setPublished(null);
    if (issueCount > 0) {
      setPublishTried(true);
      setPublishError(t("publishErrors.problems", { count: issueCount }));
      return;
    }
    if (!(await autosave.flush())) return;
    const result = await props.publish();
    if (result.ok) setPublished(result.version);
    else setPublishError([t(`publishErrors.${result.error}`), ...(result.details ?? [])].join(" "));
  };

  return (
    <DesignerContext.Provider value={context}>
      <div className="sticky top-0 z-10 -mx-4 mb-4 flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-4 py-2 xl:mx-[calc(50%_-_min(50vw_-_1.5rem,44rem))]">
        <Button type="button" variant="secondary" size="sm" disabled={!canUndo} onClick={undo}>
          {t("undo")}
        </Button>
        <Button type="button" size="sm" disabled={autosave.state === "saving"} onClick={publish}>
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
        <p
          className={
            !issueCount ? "text-sm text-green-800" : publishTried ? "text-sm text-red-700" : "text-sm text-slate-700"
          }
          data-testid="issue-total"
        >
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
      {/* At xl the designer (toolbar included) takes the window's width, up to 88rem: outline,
          editor and phone side by side. */}
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_406px] xl:mx-[calc(50%_-_min(50vw_-_1.5rem,44rem))] xl:grid-cols-[13rem_minmax(0,1fr)_406px]">
        <div className="lg:col-start-1 lg:row-start-1 xl:sticky xl:top-16 xl:max-h-[calc(100vh-5rem)] xl:self-start xl:overflow-y-auto">
          <Outline
            onOpen={(section, question) => goTo(["sections", section, "questions", question], "open")}
            onSection={(section) => goTo(["sections", section], "open")}
          />
        </div>
        <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-2 xl:col-start-2 xl:row-start-1">
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{t("codeIs", { code: props.code })}</p>
            <LocalizedField path={["title"]} label={t("title")} />
            <LocalizedField path={["description"]} label={t("description")} multiline optional />
          </div>
          <SortableList
            items={draft.sections.map((section, si) => ({ id: itemKey(section), name: sectionName(si) }))}
            onMove={moveSection}
          >
            {draft.sections.map((section, si) => (
              <SortableItem key={itemKey(section)} id={itemKey(section)} name={sectionName(si)}>
                {(handle) => (
                  <SectionEditor
                    sectionIndex={si}
                    handle={handle}
                    actions={
                      <ItemActions
                        name={sectionName(si)}
                        index={si}
                        count={draft.sections.length}
                        onMove={(to) => moveSection(si, to)}
                        onDuplicate={() => update((d) => duplicateSection(current(d), si))}
                        onDelete={
                          draft.sections.length > 1
                            ? () => {
                                const name = sectionName(si);
                                update((d) => void d.sections.splice(si, 1));
                                setSelection((sel) =>
                                  sel ? { ...sel, section: indexAfterDelete(sel.section, si) } : sel,
                                );
                                setDeleted(name);
                              }
                            : undefined
                        }
                      />
                    }
                  />
                )}
              </SortableItem>
            ))}
          </SortableList>
          <Button type="button" variant="secondary" onClick={addSection}>
            {t("addSection")}
          </Button>
        </div>
        <div className="space-y-3 lg:sticky lg:top-16 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-5rem)] lg:self-start lg:overflow-y-auto xl:col-start-3 xl:row-span-1">
          <ProblemsList draft={draft} issues={issues} alarming={publishTried} onGo={goTo} />
          <PreviewPane definition={preview} />
        </div>
      </div>
    </DesignerContext.Provider>
  );
}
