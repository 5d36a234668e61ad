// The reference the app's submission endpoint is measured against (issue 15): a minimal
// `node:http` + `pg` server that does only what a submission must. It reads the body (at most
// 64 KiB), validates it with the app's own zod schemas (the submission and the questionnaire's
// answers), and inserts the same response and answer rows in one statement. No rate limit,
// idempotency, screening or duplicate check: the floor of what any Node server can do here.
//   PORT=3291 DATABASE_URL=postgresql://…/<bench database> tsx bench/reference-server.ts
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { QuestionnaireDefinitionSchema } from "../lib/questionnaire/definition-schema";
import { answersSchemaFor } from "../lib/questionnaire/answer-validation";
import { breakdownsOf, toAnswerRows } from "../lib/responses/answer-rows";
import { MAX_SUBMISSION_BYTES, SubmissionSchema } from "../lib/responses/submission-schema";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });

async function main() {
  const { rows } = await pool.query(
    `SELECT s.id, s.version_id, v.definition,
            (SELECT c.id FROM collector c WHERE c.survey_id = s.id AND c.kind = 'link' LIMIT 1) AS collector_id
     FROM survey s JOIN questionnaire_version v ON v.id = s.version_id WHERE s.slug = $1`,
    [process.env.BENCH_SLUG ?? "jilin-try"],
  );
  const survey = rows[0];
  const definition = QuestionnaireDefinitionSchema.parse(survey.definition);
  const answersSchema = answersSchemaFor(definition);

  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SUBMISSION_BYTES) {
        reply(res, 413, { error: "too_large" });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", async () => {
      if (size > MAX_SUBMISSION_BYTES) return;
      try {
        const submission = SubmissionSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        if (!submission.success) return reply(res, 422, { error: "validation_failed" });
        const answers = answersSchema.safeParse(submission.data.answers);
        if (!answers.success) return reply(res, 422, { error: "validation_failed" });
        const id = randomUUID();
        const now = new Date();
        await pool.query(
          `WITH r AS (
             INSERT INTO response (id, survey_id, version_id, collector_id, submission_id, status, locale, answers,
               breakdowns, content_hash, firm_identifier, started_at, completed_at, duration_seconds, revision)
             VALUES ($1, $2, $3, $4, $5, 'complete', $6, $7::jsonb, $8::jsonb, md5($7::jsonb::text), $9, $10, $11, $12, 1)
             RETURNING id, survey_id)
           INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank)
           SELECT r.id, r.survey_id, a."questionCode", a."optionCode", a."numberValue", a."textValue", a.rank
           FROM r, jsonb_to_recordset($13::jsonb)
             AS a("questionCode" text, "optionCode" text, "numberValue" float8, "textValue" text, rank int)`,
          [
            id,
            survey.id,
            survey.version_id,
            survey.collector_id,
            submission.data.submissionId,
            submission.data.locale,
            JSON.stringify(answers.data),
            JSON.stringify(breakdownsOf(definition, answers.data)),
            typeof answers.data.firm_id === "string" ? answers.data.firm_id : null,
            submission.data.startedAt ? new Date(submission.data.startedAt) : now,
            now,
            600,
            JSON.stringify(toAnswerRows(definition, answers.data)),
          ],
        );
        reply(res, 201, { id });
      } catch (error) {
        reply(res, 500, { error: (error as Error).message });
      }
    });
  });
  server.listen(Number(process.env.PORT ?? 3291), "127.0.0.1", () => console.log("reference server ready"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
