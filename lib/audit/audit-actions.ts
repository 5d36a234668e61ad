// Audit action codes, browser-safe so the audit page's filter can list them. Other domains record
// their own actions with the same dotted naming (e.g. "response.screened").
export const AUDIT_ACTIONS = [
  "user.signed_in",
  "questionnaire.imported",
  "questionnaire.published",
  "survey.created",
  "survey.updated",
  "survey.closed",
  "collector.created",
  "collector.closed",
  "collector.reopened",
  "response.screened",
  "response.unscreened",
  "response.entered",
  "responses.imported",
  "responses.rescreened",
  "response.erased",
  "survey.exported",
  "organization.created",
  "member.invited",
  "invitation.revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.signed_out",
  "token.created",
  "token.revoked",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
