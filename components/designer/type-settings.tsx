"use client";
// The settings that differ by question type (DESIGN.md §3).
import { useTranslations } from "next-intl";
import { BREAKDOWN_KINDS } from "@/lib/questionnaire/definition-schema";
import type { DraftQuestion } from "@/lib/questionnaire/draft-edits";
import type { Path } from "./designer-context";
import { CheckboxField, LocalizedField, NumberField, SelectField } from "./fields";
import { FactorPicker } from "./factor-picker";
import { OptionsEditor } from "./options-editor";
import { ScaleSettings } from "./scale-settings";

export function TypeSettings({ question, path }: { question: DraftQuestion; path: Path }) {
  const t = useTranslations("designer");
  switch (question.type) {
    case "single":
      return (
        <div className="space-y-3">
          <SelectField
            path={[...path, "breakdown"]}
            label={t("breakdown")}
            emptyLabel={t("notBreakdown")}
            choices={BREAKDOWN_KINDS.map((k) => ({ value: k, label: t(`breakdowns.${k}`) }))}
            className="sm:w-72"
          />
          <OptionsEditor path={[...path, "options"]} kind="options" questionType="single" />
        </div>
      );
    case "multi":
      return (
        <div className="space-y-3">
          <NumberField path={[...path, "maxSelections"]} label={t("maxSelections")} className="sm:w-48" />
          <OptionsEditor path={[...path, "options"]} kind="options" questionType="multi" />
        </div>
      );
    case "rank":
      return (
        <div className="space-y-3">
          <NumberField path={[...path, "topN"]} label={t("topN")} className="sm:w-48" />
          <OptionsEditor path={[...path, "options"]} kind="options" questionType="rank" />
        </div>
      );
    case "scale":
      return (
        <div className="space-y-3">
          <FactorPicker path={[...path, "factor"]} label={t("factor")} />
          <ScaleSettings path={path} />
        </div>
      );
    case "matrix":
      return (
        <div className="space-y-3">
          <ScaleSettings path={path} />
          <OptionsEditor path={[...path, "rows"]} kind="rows" questionType="matrix" />
        </div>
      );
    case "number":
      return (
        <div className="space-y-3">
          <div className="grid grid-cols-2 gap-2 sm:w-96">
            <NumberField path={[...path, "min"]} label={t("min")} integer={false} />
            <NumberField path={[...path, "max"]} label={t("max")} integer={false} />
          </div>
          <CheckboxField path={[...path, "integer"]} label={t("integer")} />
          <CheckboxField path={[...path, "derivesSizeClass"]} label={t("derivesSizeClass")} />
          <LocalizedField path={[...path, "unit"]} label={t("unit")} optional />
        </div>
      );
    case "text":
      return (
        <div className="space-y-3">
          <NumberField path={[...path, "maxLength"]} label={t("maxLength")} className="sm:w-48" />
          <CheckboxField path={[...path, "multiline"]} label={t("multiline")} />
        </div>
      );
  }
}
