// Expected failures of survey commands. Browser-safe.

/** The slug is used by another survey (slugs are global: they are public URLs). */
export class SlugTakenError extends Error {
  constructor(
    readonly slug: string,
    readonly suggestion: string,
  ) {
    super(`The address "${slug}" is already used by another survey.`);
  }
}
