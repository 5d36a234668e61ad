import { describe, expect, it } from "vitest";
import { DEFINITION_FORMAT, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { conditionHolds, keepVisibleAnswers, visibleQuestionCodes } from "@/lib/questionnaire/visibility";
import {
  completionTiming,
  firmIdentifierOf,
  matchingQuotas,
  normalizeFirmIdentifier,
  screeningOf,
} from "@/lib/responses/screening";

const t = (en: string) => ({ en });
const def = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "logic",
  title: t("Logic"),
  locales: ["en"],
  sections: [
    {
      code: "s",
      title: t("S"),
      questions: [
        {
          code: "innovates",
          type: "single",
          label: t("Innovates?"),
          options: [
            { code: "yes", label: t("Yes") },
            { code: "no", label: t("No") },
          ],
        },
        {
          code: "how",
          type: "multi",
          label: t("How"),
          showIf: { question: "innovates", op: "equals", value: "yes" },
          options: [
            { code: "rnd", label: t("R&D") },
            { code: "buy", label: t("Buy") },
          ],
        },
        {
          code: "rnd_staff",
          type: "number",
          label: t("R&D staff"),
          showIf: { question: "how", op: "includes", value: "rnd" },
        },
        {
          code: "big",
          type: "text",
          label: t("Big"),
          showIf: {
            all: [
              { question: "rnd_staff", op: "gte", value: 10 },
              { question: "innovates", op: "answered" },
            ],
          },
        },
      ],
    },
  ],
});

describe("showIf", () => {
  it("shows follow-ups once the answer they depend on is given", () => {
    expect([...visibleQuestionCodes(def, {})]).toEqual(["innovates"]);
    expect([...visibleQuestionCodes(def, { innovates: "yes", how: ["rnd"], rnd_staff: 12 })]).toEqual([
      "innovates",
      "how",
      "rnd_staff",
      "big",
    ]);
  });

  it("hides a chain when its root answer changes, and drops the hidden answers", () => {
    const answers = { innovates: "no", how: ["rnd"], rnd_staff: 12, big: "x" };
    expect([...visibleQuestionCodes(def, answers)]).toEqual(["innovates"]);
    expect(keepVisibleAnswers(def, answers)).toEqual({ innovates: "no" });
  });

  it("evaluates any/all, excludes and lte", () => {
    expect(
      conditionHolds(
        {
          any: [
            { question: "a", op: "lte", value: 3 },
            { question: "b", op: "excludes", value: "x" },
          ],
        },
        { a: 5, b: ["y"] },
      ),
    ).toBe(true);
    expect(conditionHolds({ all: [{ question: "a", op: "lte", value: 3 }] }, { a: 5 })).toBe(false);
    expect(conditionHolds({ question: "a", op: "not_equals", value: "x" }, {})).toBe(false);
    expect(conditionHolds({ question: "a", op: "not_answered" }, { a: "  " })).toBe(true);
  });
});

describe("automatic screening", () => {
  it("takes the firm from the invitation first, else from the firm_id answer, normalized", () => {
    expect(normalizeFirmIdentifier(" 91220101 ma0x-y1 ")).toBe("91220101MA0XY1");
    expect(firmIdentifierOf({ invitationFirmIdentifier: "inv1", answers: { firm_id: "ans" } })).toBe("INV1");
    expect(firmIdentifierOf({ answers: { firm_id: "ans" } })).toBe("ANS");
    expect(firmIdentifierOf({ answers: { firm_id: "  " } })).toBeNull();
  });

  it("measures from the earliest known start and never from the future", () => {
    const now = new Date("2026-01-01T10:10:00Z");
    expect(
      completionTiming({
        now,
        clientStartedAt: new Date("2026-01-01T10:00:00Z"),
        storedStartedAt: new Date("2026-01-01T10:05:00Z"),
      }).durationSeconds,
    ).toBe(600);
    expect(completionTiming({ now, clientStartedAt: new Date("2026-01-02T00:00:00Z") }).durationSeconds).toBe(0);
    expect(completionTiming({ now }).startedAt).toEqual(now);
  });

  it("screens too fast first and names every broken rule", () => {
    expect(screeningOf({ durationSeconds: 300, minCompletionSeconds: 120, duplicateFirm: null })).toBeNull();
    expect(screeningOf({ durationSeconds: 30, minCompletionSeconds: null, duplicateFirm: null })).toBeNull();
    const both = screeningOf({ durationSeconds: 30, minCompletionSeconds: 120, duplicateFirm: "F1" });
    expect(both?.rule).toBe("too_fast");
    expect(both?.reason).toBe(
      "Completed in 30 s; the survey's minimum is 120 s. Firm F1 had already answered this survey.",
    );
    expect(screeningOf({ durationSeconds: 300, minCompletionSeconds: 120, duplicateFirm: "F1" })?.rule).toBe(
      "duplicate_firm",
    );
  });

  it("matches quotas on single and multi answers", () => {
    const quotas = [
      { questionCode: "region", optionCode: "changchun" },
      { questionCode: "how", optionCode: "rnd" },
      { questionCode: "region", optionCode: "jilin" },
    ];
    expect(matchingQuotas(quotas, { region: "changchun", how: ["buy", "rnd"] })).toEqual(quotas.slice(0, 2));
  });
});
