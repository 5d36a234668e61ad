// The body of POST /api/v1/surveys/{slug}/responses (DESIGN.md §5). Browser-safe: the respondent
// form builds its requests with the same types.
import { z } from "zod";
import { LocaleSchema } from "@/lib/questionnaire/definition-schema";

/** Bodies above this are refused with 413 before they are parsed. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;

/**
 * questionCode → value. JSON.parse keeps a "__proto__" key as an own property, but copying it into
 * a record would set the prototype and silently drop the answer: it is refused by name instead.
 */
const AnswersRecordSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
    error: "answers must be an object of questionCode → value",
  })
  .superRefine((answers, ctx) => {
    if (Object.hasOwn(answers, "__proto__"))
      ctx.addIssue({ code: "custom", path: ["__proto__"], message: "No question has the code __proto__" });
  })
  .pipe(z.record(z.string().max(64), z.unknown()));

export const SubmissionSchema = z
  .object({
    /** Chosen by the client once per questionnaire filling: the idempotency key and the resume key. */
    submissionId: z.uuid({ error: "submissionId must be a UUID" }),
    locale: LocaleSchema,
    /** questionCode → value; checked against the survey's questionnaire version (answer-validation.ts). */
    answers: AnswersRecordSchema,
    /** An invitation token, for surveys fielded with invitation lists. */
    token: z.string().trim().min(1).max(200).optional(),
    /** A save of unfinished answers: required questions may be empty, and it never counts. */
    partial: z.boolean().optional(),
    /** When the respondent opened the questionnaire (ISO 8601), for the too-fast screening rule. */
    startedAt: z.iso
      .datetime({ offset: true })
      .refine((t) => new Date(t).getUTCFullYear() >= 2000 && Date.parse(t) < Date.now() + 86_400_000, {
        error: "startedAt must be a time between the year 2000 and now",
      })
      .optional(),
    /**
     * The revision of the saved answers this filling continues (from the page or the last save). When
     * the server holds a newer one, saved from another device, nothing is stored and 409 answers with it.
     */
    revision: z.int({ error: "revision must be a whole number" }).min(0).optional(),
  })
  .strict();
export type SubmissionInput = z.infer<typeof SubmissionSchema>;

/** A paper questionnaire keyed in by a researcher: no token, no timing, never partial. */
export const PaperEntrySchema = SubmissionSchema.pick({ submissionId: true, locale: true, answers: true });

/** What POST answers on success: 201 for a new (or newly completed) response, 200 for a replay or an update. */
export const SubmissionResultSchema = z.object({
  id: z.uuid(),
  submissionId: z.uuid(),
  status: z.enum(["partial", "complete"]),
  revision: z.int().describe("Pass it with the next save of the same filling."),
});
export type SubmissionResult = z.infer<typeof SubmissionResultSchema>;

/** The 409 body when the server holds newer answers than the revision a save was based on. */
export type StaleRevisionBody = {
  error: "stale_revision";
  message: string;
  revision: number;
  answers: Record<string, unknown>;
};
