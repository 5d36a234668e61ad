import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { contentHashOf } from "@/lib/responses/content-hash";

describe("localeFromAcceptLanguage", () => {
  it("picks the highest-ranked supported language", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,zh-CN;q=0.7,en;q=0.5")).toBe("zh");
    expect(localeFromAcceptLanguage("de;q=1,en;q=0")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one; hashes are salted", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct hors", a)).toBe(false);
    expect(await verifyPassword("correct horse", "plain-text")).toBe(false);
  });
});

describe("contentHashOf", () => {
  it("ignores key order but not values", () => {
    const a = contentHashOf({ locale: "zh", answers: { a: ["x", "y"], b: 2 } });
    expect(contentHashOf({ locale: "zh", answers: { b: 2, a: ["x", "y"] } })).toBe(a);
    expect(contentHashOf({ locale: "zh", answers: { b: 2, a: ["y", "x"] } })).not.toBe(a);
    expect(contentHashOf({ locale: "en", answers: { a: ["x", "y"], b: 2 } })).not.toBe(a);
  });
});
