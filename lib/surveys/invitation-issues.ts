// An invitation list's row errors as the API's 422 issues, worded as the survey page words them:
// JSON rows point at ["invitations", index, field], a CSV file at ["csv"] with its line number.
import type { ApiIssue } from "@/lib/http/api-response";
import surveyMessages from "@/messages/en/surveys.json";
import type { InvitationRowError } from "./parse-invitation-csv";

const TEXT = surveyMessages.invitations.errors as Record<string, Record<string, string>>;

export function invitationIssues(errors: InvitationRowError[], source: "invitations" | "csv"): ApiIssue[] {
  return errors.map((e) => {
    const message = (TEXT[e.field]?.[e.code] ?? e.code).replace("{line}", String(e.line));
    if (source === "csv" || e.field === "file") return { path: [source], message };
    return { path: ["invitations", e.line - 1, e.field], message };
  });
}
