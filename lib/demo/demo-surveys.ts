// The two demo surveys of the Jilin questionnaire. The paper's wave is closed, so its dashboard
// always shows the published figures (250 delivered, 226 valid; 69 / 53 / 27 % macro); visitors
// answer the open "try it" survey instead, which starts from a copy of the same responses.

/** The paper's wave: closed, its figures fixed. */
export const PAPER_SURVEY_SLUG = "jilin-2017";
/** The open survey of the same questionnaire version that visitors fill in. */
export const TRY_SURVEY_SLUG = "jilin-try";

/** Fieldwork ran through May 2017: the paper's wave closed at midnight in Beijing on 1 June. */
export const PAPER_SURVEY_CLOSES_AT = new Date("2017-05-31T16:00:00Z");

export const PAPER_SURVEY_TITLE = {
  zh: "吉林省小微企业协同创新制约因素调查（2017）",
  en: "Jilin small and micro enterprises: constraints on collaborative innovation (2017)",
} as const;

export const TRY_SURVEY_TITLE = {
  zh: "吉林省小微企业协同创新制约因素调查（体验版）",
  en: "Jilin small and micro enterprises: constraints on collaborative innovation (try it)",
} as const;
