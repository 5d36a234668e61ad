// Building blocks shared by the shipped templates, so each template file reads as its item list.
import type { z } from "zod";
import type {
  BreakdownKind,
  FactorDefinition,
  FactorLevel,
  LocalizedText,
  OptionDefinition,
  SingleQuestionSchema,
} from "../definition-schema";

export const text = (zh: string, en: string): LocalizedText => ({ zh, en });

export const factor = (level: FactorLevel, code: string, zh: string, en: string): FactorDefinition => ({
  code,
  level,
  label: text(zh, en),
});

/** A plain (unmapped) option, e.g. a region or an industry. */
export const option = (code: string, zh: string, en: string): OptionDefinition => ({ code, label: text(zh, en) });

/**
 * One choice option or matrix row per factor, coded like the factor so answers, exports and
 * charts share the codes.
 */
export const factorItems = (factors: FactorDefinition[]) =>
  factors.map((f) => ({ code: f.code, label: f.label, factor: f.code }));

/** A required single choice that dashboards filter and compare by (region, industry, size band...). */
export const breakdownQuestion = (opts: {
  code: string;
  breakdown: BreakdownKind;
  label: LocalizedText;
  options: OptionDefinition[];
}): z.input<typeof SingleQuestionSchema> => ({
  code: opts.code,
  type: "single",
  label: opts.label,
  required: true,
  breakdown: opts.breakdown,
  options: opts.options,
});

/** Stays in the base of the level: the firm answered and has no concern among the options. */
export const NONE_OPTION: OptionDefinition = {
  code: "none",
  label: text("以上都不是", "None of these"),
  exclusive: true,
};

/** Leaves the base (DESIGN.md §4); exclusive because it contradicts any substantive choice. */
export const DONT_KNOW_OPTION: OptionDefinition = {
  code: "dont_know",
  label: text("不清楚", "Don't know"),
  exclusive: true,
  nonSubstantive: true,
};

export const SELECT_ALL_HELP = text("可多选", "Select all that apply");
