// A survey's settings as the survey form submits them (DESIGN.md §2). Browser-safe. Messages are
// keys of the "surveys.errors" messages, so the form shows them in the user's language.
import { z } from "zod";
import { DISCLOSURE_METHODS, MAX_PERTURBATION_BOUND } from "@/lib/analytics/disclosure";
import { LocaleSchema } from "@/lib/questionnaire/definition-schema";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])$/;
/** Slugs that would read as app pages rather than surveys. */
export const RESERVED_SLUGS = ["new", "api", "admin", "sign-in", "dashboard", "responses", "settings"];

const optionalDate = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : v),
  z.coerce.date({ error: "dateInvalid" }).optional(),
);

const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce
      .number({ error: "numberInvalid" })
      .int("numberInvalid")
      .min(min, "numberTooSmall")
      .max(max, "numberTooLarge")
      .optional(),
  );

/** A whole number in [min, max]; an empty field takes the default. */
const intOrDefault = (min: number, max: number, fallback: number) =>
  optionalInt(min, max).transform((v) => v ?? fallback);

/** At most this many sites may embed one survey. */
export const MAX_EMBED_ORIGINS = 20;

/** "https://example.org" or "http://localhost:8080": an origin only, no path. */
const OriginSchema = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, "embedOriginInvalid")
  .transform((o) => o.toLowerCase());

/** One origin per line (or separated by spaces or commas) in the form; a list in the column. */
const embedOrigins = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,]+/)
          .map((o) => o.trim().replace(/\/$/, ""))
          .filter(Boolean)
      : (v ?? []),
  z.array(OriginSchema).max(MAX_EMBED_ORIGINS, "embedOriginsTooMany"),
);

export const SurveySettingsSchema = z
  .object({
    titleZh: z.string().trim().max(200, "titleTooLong"),
    titleEn: z.string().trim().max(200, "titleTooLong"),
    defaultLocale: LocaleSchema,
    opensAt: optionalDate,
    closesAt: optionalDate,
    /** Complete responses faster than this are screened as too fast. */
    minCompletionSeconds: optionalInt(0, 24 * 60 * 60),
    smallCellThreshold: z.coerce
      .number({ error: "numberInvalid" })
      .int("numberInvalid")
      .min(1, "numberTooSmall")
      .max(1000, "numberTooLarge")
      .default(10),
    publicDashboard: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    /** How the public dashboard protects small groups (lib/analytics/disclosure.ts). */
    disclosureMethod: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? "perturb" : v),
      z.enum(DISCLOSURE_METHODS, { error: "disclosureMethodInvalid" }),
    ),
    /** The most the cell key method moves a public count (D). */
    perturbationBound: intOrDefault(1, MAX_PERTURBATION_BOUND, 2),
    /** The public's live updates: at most this often, after this many new valid responses (empty: the threshold). */
    publicUpdateSeconds: intOrDefault(10, 24 * 60 * 60, 60),
    publicUpdateMinResponses: optionalInt(1, 1000),
    embedOrigins,
  })
  .superRefine((s, ctx) => {
    if (!s.titleZh && !s.titleEn) ctx.addIssue({ code: "custom", path: ["titleZh"], message: "titleRequired" });
    if (s.opensAt && s.closesAt && s.closesAt <= s.opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closesBeforeOpens" });
  });

export const SurveySlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "slugTooShort")
  .max(64, "slugTooLong")
  .regex(SLUG_PATTERN, "slugFormat")
  .refine((s) => !RESERVED_SLUGS.includes(s), "slugReserved");

export const CreateSurveySchema = z.intersection(
  SurveySettingsSchema,
  z.object({ versionId: z.uuid("versionRequired"), slug: SurveySlugSchema }),
);
export type CreateSurveyInput = z.infer<typeof CreateSurveySchema>;
export type SurveySettingsInput = z.infer<typeof SurveySettingsSchema>;

/** A readable slug from a title and year: "Hengyang SMEs 2020" → "hengyang-smes-2020". */
export function suggestSlug(title: string, year?: number): string {
  const words = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  const base = words || "survey";
  const withYear = year && !base.includes(String(year)) ? `${base}-${year}` : base;
  return withYear.length >= 3 ? withYear : `survey-${withYear}`;
}
