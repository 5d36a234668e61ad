// The report's method notes (DESIGN.md §4): what a base is, the interval, the tests and Holm's
// adjustment, weighting and disclosure control, one line each. A new line (a weighting note once
// surveys carry weights, say) is one more entry here, with its words in messages/*/reports.json.
// Pure and browser-safe.
import type { DisclosureSettings } from "@/lib/analytics/disclosure";
import { MAX_COMPARED_GROUPS } from "./report-shaping";

/** A message's text by its full key ("reports.method.base"), with its values. */
export type ReportTranslate = (key: string, values?: Record<string, string | number>) => string;

export type MethodNoteFacts = {
  /** Whose figures the report shows: members' exact ones, or the public's. */
  access: "member" | "public";
  disclosure: DisclosureSettings;
  /** Whether the survey shares its dashboard, and so a public version of the report. */
  publicDashboard: boolean;
  /** The fewest valid responses a group needs to be compared. */
  comparedGroupMinimum: number;
  /** The survey's weights, when it has any: how they were made and when. */
  weighting: { method: "post_stratify" | "rake"; computedAt: string } | null;
};

export type MethodNote = { id: "base" | "interval" | "tests" | "weighting" | "disclosure"; text: string };

function disclosureNote(facts: MethodNoteFacts, t: ReportTranslate): string {
  const { threshold, bound, method } = facts.disclosure;
  const perturbed = method === "perturb" && bound > 0;
  if (facts.access === "public")
    return t(perturbed ? "reports.method.publicPerturbed" : "reports.method.publicSuppressed", { threshold, bound });
  const publicVersion = !facts.publicDashboard
    ? t("reports.method.memberNotPublished")
    : t(perturbed ? "reports.method.memberPublicPerturbed" : "reports.method.memberPublicSuppressed", {
        threshold,
        bound,
      });
  // Chinese sentences follow each other without a space.
  return t("reports.method.twoSentences", {
    first: t("reports.method.memberExact", { threshold }),
    second: publicVersion,
  });
}

function weightingNote(facts: MethodNoteFacts, t: ReportTranslate): string {
  if (!facts.weighting) return t("reports.method.unweighted");
  // Weighted sums are not covered by the cell key method: the public sees unweighted figures only.
  if (facts.access === "public") return t("reports.method.weightedMembersOnly");
  return t("reports.method.weighted", {
    method: t(`dashboard.weighting.${facts.weighting.method}`),
    computedAt: facts.weighting.computedAt.slice(0, 10),
  });
}

export function reportMethodNotes(facts: MethodNoteFacts, t: ReportTranslate): MethodNote[] {
  return [
    { id: "base", text: t("reports.method.base") },
    { id: "interval", text: t("reports.method.interval") },
    {
      id: "tests",
      text: t("reports.method.tests", { minimum: facts.comparedGroupMinimum, max: MAX_COMPARED_GROUPS }),
    },
    { id: "weighting", text: weightingNote(facts, t) },
    { id: "disclosure", text: disclosureNote(facts, t) },
  ];
}
