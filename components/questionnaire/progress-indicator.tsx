"use client";
import { useTranslations } from "next-intl";

/** Where the respondent is: the section number and how many of the shown questions are answered. */
export function ProgressIndicator(props: { section: number; sections: number; answered: number; questions: number }) {
  const t = useTranslations("respondent.form");
  const percent = props.questions ? Math.round((100 * props.answered) / props.questions) : 0;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap justify-between gap-2 text-sm text-slate-700">
        <span>{t("sectionOf", { current: props.section, total: props.sections })}</span>
        <span>{t("answeredOf", { answered: props.answered, total: props.questions })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("answeredOf", { answered: props.answered, total: props.questions })}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
