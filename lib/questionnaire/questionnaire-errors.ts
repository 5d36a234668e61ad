// Expected failures of questionnaire commands; routes turn them into 404/409/422 answers and
// pages into inline messages. Browser-safe.

/** Another questionnaire of the organization already has this code. */
export class QuestionnaireCodeTakenError extends Error {
  constructor(readonly code: string) {
    super(`A questionnaire with the code "${code}" already exists in this organization.`);
  }
}

/** The draft was saved by someone else since it was loaded (optimistic concurrency). */
export class DraftConflictError extends Error {
  constructor() {
    super("The draft was changed elsewhere since you opened it. Reload to see the latest version.");
  }
}
