// Expected refusals of organization and membership commands. The code doubles as the key of
// the message shown to the user ("account" namespace, errors.<code>).
export type MembershipErrorCode =
  | "notFound"
  | "lastOwner"
  | "alreadyMember"
  | "slugTaken"
  | "invitationInvalid"
  | "invitationExpired"
  | "invitationUsed"
  | "invitationRevoked"
  | "emailMismatch"
  | "accountExists";

export class MembershipError extends Error {
  constructor(readonly code: MembershipErrorCode) {
    super(code);
    this.name = "MembershipError";
  }
}
