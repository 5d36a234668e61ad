// Pure parts of sign-in, invitations and the audit log.
import { describe, expect, it } from "vitest";
import { auditDateRange, AuditFilterSchema } from "@/lib/audit/audit-filter-schema";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { auditDetails, auditPageHref } from "@/lib/audit/audit-details";
import en from "@/messages/en/account.json";
import zh from "@/messages/zh/account.json";
import { parseSignInError, throttledErrorMessage } from "@/lib/auth/sign-in-errors";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { invitationState } from "@/lib/organizations/find-invitation";
import { CreateOrganizationSchema, InviteMemberSchema } from "@/lib/organizations/organization-schemas";

describe("the page after signing in", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/surveys/jilin-2017?tab=export")).toBe("/surveys/jilin-2017?tab=export");
    expect(safeCallbackUrl("/invitations/abc_DEF-123")).toBe("/invitations/abc_DEF-123");
    // Full-width "％２Ｆ" is no slash, but a Location header takes ASCII only.
    expect(safeCallbackUrl("/％２Ｆx")).toBe("/%EF%BC%85%EF%BC%92%EF%BC%A6x");
  });
  it("refuses other sites, tricks and loops", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "evil",
      "/sign-in",
      "/sign-in?callbackUrl=/x",
      "/api/auth/signout",
      "/a\nb",
    ])
      expect(safeCallbackUrl(bad, "/home"), bad).toBe("/home");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});

describe("sign-in errors", () => {
  it("tells a wrong password from the throttled state and carries the wait", () => {
    expect(parseSignInError("CredentialsSignin")).toEqual({ kind: "invalid" });
    expect(parseSignInError(throttledErrorMessage(125.2))).toEqual({ kind: "throttled", retryAfterSeconds: 126 });
    expect(parseSignInError("Configuration")).toEqual({ kind: "unknown" });
    expect(parseSignInError(null)).toBeNull();
  });
});

describe("invitation state", () => {
  const now = new Date("2026-01-10T00:00:00Z");
  const open = { acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-01-11T00:00:00Z") };
  it("is open until used, withdrawn or past its expiry", () => {
    expect(invitationState(open, now)).toBe("open");
    expect(invitationState({ ...open, acceptedAt: now }, now)).toBe("invitationUsed");
    expect(invitationState({ ...open, revokedAt: now }, now)).toBe("invitationRevoked");
    expect(invitationState({ ...open, expiresAt: now }, now)).toBe("invitationExpired");
  });
});

describe("membership forms", () => {
  it("normalises the invited address and names the wrong field", () => {
    expect(InviteMemberSchema.parse({ email: "  Li@Example.ORG ", role: "viewer" })).toEqual({
      email: "li@example.org",
      role: "viewer",
    });
    const bad = InviteMemberSchema.safeParse({ email: "li@", role: "admin" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["email", "errors.emailInvalid"],
      ["role", "errors.roleInvalid"],
    ]);
  });
  it("accepts address-friendly organization short names only", () => {
    expect(CreateOrganizationSchema.safeParse({ name: "Hengyang", slug: "hengyang-2020" }).success).toBe(true);
    for (const slug of ["a", "-abc", "abc-", "Hello World", "中文"])
      expect(CreateOrganizationSchema.safeParse({ name: "x", slug }).error?.issues[0].message, slug).toBe(
        "errors.slugInvalid",
      );
  });
});

describe("audit log filters", () => {
  it("reads valid filters and drops malformed ones instead of failing the page", () => {
    expect(AuditFilterSchema.parse({ action: "member.removed", from: "2026-01-01", page: "3" })).toEqual({
      action: "member.removed",
      from: "2026-01-01",
      page: 3,
    });
    expect(AuditFilterSchema.parse({ action: "DROP TABLE", from: "yesterday", page: "-1" })).toEqual({ page: 1 });
  });
  it("includes the whole of the last day", () => {
    expect(auditDateRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      gte: new Date("2026-01-01T00:00:00Z"),
      lt: new Date("2026-02-01T00:00:00Z"),
    });
  });
  it("keeps the filters when paging and summarises event data", () => {
    expect(auditPageHref({ action: "survey.exported", to: "2026-02-01" }, 2)).toBe(
      "/organization/audit?action=survey.exported&to=2026-02-01&page=2",
    );
    expect(auditPageHref({}, 1)).toBe("/organization/audit");
    expect(auditDetails({ email: "li@example.org", from: "researcher", to: "owner", empty: null })).toBe(
      "email: li@example.org · from: researcher · to: owner",
    );
  });
});

describe("audit action names", () => {
  it("exist in both languages for every action the filter offers", () => {
    for (const messages of [en, zh])
      for (const action of AUDIT_ACTIONS) {
        const [area, verb] = action.split(".");
        expect((messages.audit.actions as Record<string, Record<string, string>>)[area]?.[verb], action).toBeTruthy();
      }
  });
});
