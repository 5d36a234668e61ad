// The migrations build the whole domain model in an empty database (this file's clone of the
// freshly migrated template). That they agree with prisma/schema.prisma is the first stage of
// `npm test` (scripts/test.ts), in a process of its own rather than a test worker with a 30 s limit.
import { describe, expect, it } from "vitest";
import pg from "pg";

describe("migrations", () => {
  it("create every table of the domain model with the indexes dashboards and submissions need", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.tablename)).toEqual(
        expect.arrayContaining([
          "answer",
          "api_token",
          "app_user",
          "audit_event",
          "collector",
          "factor",
          "invitation_token",
          "metric_map",
          "membership",
          "organization",
          "questionnaire",
          "questionnaire_version",
          "quota",
          "rate_limit_bucket",
          "response",
          "sign_in_attempt",
          "survey",
        ]),
      );
      const indexes = await client.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'",
      );
      const names = indexes.rows.map((r) => r.indexname);
      expect(names).toEqual(
        expect.arrayContaining([
          "response_survey_id_submission_id_key",
          "response_survey_id_status_completed_at_idx",
          "metric_map_version_id_question_code_answer_code_idx",
          "answer_response_id_idx",
        ]),
      );
    } finally {
      await client.end();
    }
  });
});
