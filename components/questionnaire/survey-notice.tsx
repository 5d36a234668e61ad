// A full-page message instead of the questionnaire: not open yet, closed, invitation used, thanks.
import type { ReactNode } from "react";

export function SurveyNotice(props: {
  surveyTitle: string;
  title: string;
  children: ReactNode;
  tone?: "info" | "done";
}) {
  return (
    <div className="mx-auto max-w-2xl py-8">
      <p className="text-sm font-medium text-slate-600">{props.surveyTitle}</p>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{props.title}</h1>
      <div
        className={`mt-4 rounded-lg border p-5 text-slate-800 ${props.tone === "done" ? "border-green-700 bg-green-50" : "border-slate-200 bg-white"}`}
      >
        {props.children}
      </div>
    </div>
  );
}
