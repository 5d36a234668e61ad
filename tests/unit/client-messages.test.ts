// Interface texts as next-intl gets them: compiled for icu-minify's formatter (the one the app and
// these tests use, see next.config.js and vitest.config.ts), and only the namespaces a layout's
// client components need.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { compileMessages } from "@/lib/i18n/compile-messages";
import { pickMessages } from "@/lib/i18n/pick-messages";
import en from "@/messages/en/index";
import zh from "@/messages/zh/index";

describe("compiled messages", () => {
  it("format arguments, plurals and plain text as the respondent reads them", () => {
    const t = createTranslator({ locale: "en", messages: compileMessages(en), namespace: "respondent.form" });
    expect(t("sectionOf", { current: 2, total: 5 })).toBe("Section 2 of 5");
    expect(t("errorSummary", { count: 1 })).toBe("One answer needs your attention:");
    expect(t("errorSummary", { count: 3 })).toBe("3 answers need your attention:");
    expect(t("next")).toBe("Next");
    const zhT = createTranslator({ locale: "zh", messages: compileMessages(zh), namespace: "respondent.form" });
    expect(zhT("sectionOf", { current: 2, total: 5 })).toBe("第 2 部分，共 5 部分");
  });

  it("are plain data, which React passes to client components", () => {
    const plain = (v: unknown): boolean =>
      typeof v !== "object" ||
      v === null ||
      ((Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) && Object.values(v).every(plain));
    expect(plain(compileMessages(en))).toBe(true);
  });

  it("keep text that is not ICU syntax as written", () => {
    const messages = compileMessages({ tokens: { lead: 'Send it as "Authorization: Bearer <token>".' } });
    expect(createTranslator({ locale: "en", messages })("tokens.lead")).toBe(
      'Send it as "Authorization: Bearer <token>".',
    );
  });

  it("compile every message of both languages", () => {
    const failed = (messages: object, at = ""): string[] =>
      Object.entries(messages).flatMap(([k, v]) =>
        typeof v === "string" ? (/[{}]/.test(v) ? [`${at}${k}`] : []) : Array.isArray(v) ? [] : failed(v, `${at}${k}.`),
      );
    // A message with arguments that did not compile would reach the page with its {placeholders}.
    expect(failed(compileMessages(en))).toEqual([]);
    expect(failed(compileMessages(zh))).toEqual([]);
  });
});

describe("pickMessages", () => {
  it("keeps only the namespaces asked for, nested as before", () => {
    const picked = pickMessages(en, ["common", "auth.header", "respondent.nope"]);
    expect(Object.keys(picked).sort()).toEqual(["auth", "common"]);
    expect(picked.common).toEqual(en.common);
    expect(picked.auth).toEqual({ header: en.auth.header });
  });
});
