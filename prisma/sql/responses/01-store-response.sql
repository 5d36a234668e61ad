-- Writing responses (lib/responses/): the duplicate-firm rule, the insert of a response with its
-- answer rows, and the one-statement store of a new complete submission, the platform's hottest
-- write (ADR 028). Each is a single round trip for the app.

-- Whether another complete response of this survey has this firm (the duplicate-firm screening
-- rule, DESIGN.md §2). Serialized per firm by an advisory lock held to the end of the caller's
-- transaction, so two concurrent responses of one firm see each other. The check runs after the
-- lock in its own statement: a VOLATILE function's statements each take a fresh snapshot, while a
-- single statement's snapshot predates the wait for the lock. The status is compared as text so
-- that only the (survey, firm) index can serve the check: a planner without statistics (a new
-- survey, or autovacuum off) otherwise took the (survey, status) index as often and read every
-- complete response of the survey, 40 ms per submission at 30,000 responses (BENCHMARKS.md).
CREATE OR REPLACE FUNCTION response_duplicates_firm(p_survey_id uuid, p_firm text, p_self_id uuid)
RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_firm IS NULL THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_survey_id::text || ':' || p_firm, 0));
  RETURN EXISTS (
    SELECT 1 FROM response
    WHERE survey_id = p_survey_id AND firm_identifier = p_firm AND status::text = 'complete'
      AND id IS DISTINCT FROM p_self_id);
END
$$;

-- A new response and its answer rows (p_rows: [{questionCode, optionCode, numberValue, textValue,
-- rank}], lib/responses/answer-rows.ts) in one statement. The columns are those of
-- prisma/schema.prisma's Response and Answer; the record key and validity come from their
-- defaults and triggers.
CREATE OR REPLACE FUNCTION response_insert(
  p_id uuid, p_survey_id uuid, p_version_id uuid, p_collector_id uuid, p_submission_id uuid,
  p_status "ResponseStatus", p_locale text, p_answers jsonb, p_breakdowns jsonb, p_content_hash text,
  p_firm_identifier text, p_started_at timestamp, p_completed_at timestamp, p_duration_seconds integer,
  p_revision integer, p_screened_rule "ScreeningRule", p_screened_reason text, p_screened_at timestamp,
  p_rows jsonb)
RETURNS void
LANGUAGE sql VOLATILE AS $$
  WITH r AS (
    INSERT INTO response (id, survey_id, version_id, collector_id, submission_id, status, locale, answers,
      breakdowns, content_hash, firm_identifier, started_at, completed_at, duration_seconds, revision,
      screened_rule, screened_reason, screened_at)
    VALUES (p_id, p_survey_id, p_version_id, p_collector_id, p_submission_id, p_status, p_locale, p_answers,
      p_breakdowns, p_content_hash, p_firm_identifier, p_started_at, p_completed_at, p_duration_seconds,
      p_revision, p_screened_rule, p_screened_reason, p_screened_at)
    RETURNING id, survey_id)
  INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank)
  SELECT r.id, r.survey_id, a."questionCode", a."optionCode", a."numberValue", a."textValue", a.rank
  FROM r, jsonb_to_recordset(p_rows)
    AS a("questionCode" text, "optionCode" text, "numberValue" float8, "textValue" text, rank int);
$$;

-- A new complete submission in one statement, and so in one transaction of its own, which also
-- counts its request against the client's limit (rate_limit_hit, prisma/sql/http/; a null
-- p_rate_key counts nothing):
--   'limited' when the client has used its p_rate_limit requests of the window (counted all the same);
--   'changed' when the survey's settings are no longer of p_settings_revision (the caller's copy
--     of the survey is out of date: it reads the survey again and starts over);
--   'exists' when a response already has this submission id (the caller then replays or
--     completes it in the full transaction);
--   'stored' when the response is stored, screened as p_screened_* says or, when the firm had
--     already answered, as p_duplicate_* says.
-- The caller decides both screenings from its one rule set (lib/responses/screening.ts); this
-- function only knows which one applies, and dates a screening at p_completed_at as the full
-- path does. The limit is read first without a lock and counted last, so the bucket's row is
-- locked only from then to commit: one client address's requests do not queue behind each
-- other's firm locks. (Concurrent requests of one address may so pass the limit by as many.)
-- The survey's row is read FOR SHARE: a change of its settings waits for the submissions being
-- stored, and a submission waiting for the change then sees the new revision ('changed').
-- Two first sends racing past the lookup meet at the unique index; the loser's error (which
-- rolls back its count too) sends it to the replay.
CREATE OR REPLACE FUNCTION response_store_new_complete(
  p_id uuid, p_survey_id uuid, p_version_id uuid, p_collector_id uuid, p_submission_id uuid,
  p_locale text, p_answers jsonb, p_breakdowns jsonb, p_content_hash text, p_firm_identifier text,
  p_started_at timestamp, p_completed_at timestamp, p_duration_seconds integer, p_rows jsonb,
  p_screened_rule "ScreeningRule", p_screened_reason text,
  p_duplicate_rule "ScreeningRule", p_duplicate_reason text, p_settings_revision integer,
  p_rate_key text, p_rate_window_start timestamp, p_rate_limit integer)
RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_outcome text;
  v_duplicate boolean;
  v_rule "ScreeningRule";
BEGIN
  IF p_rate_key IS NOT NULL AND (SELECT b.count FROM rate_limit_bucket b
      WHERE b.key = p_rate_key AND b.window_start = p_rate_window_start) >= p_rate_limit THEN
    PERFORM rate_limit_hit(p_rate_key, p_rate_window_start);
    RETURN 'limited';
  END IF;
  PERFORM 1 FROM survey WHERE id = p_survey_id AND settings_revision = p_settings_revision FOR SHARE;
  IF NOT FOUND THEN
    v_outcome := 'changed';
  ELSE
    PERFORM 1 FROM response WHERE survey_id = p_survey_id AND submission_id = p_submission_id;
    IF FOUND THEN
      v_outcome := 'exists';
    ELSE
      v_duplicate := response_duplicates_firm(p_survey_id, p_firm_identifier, NULL);
      v_rule := CASE WHEN v_duplicate THEN p_duplicate_rule ELSE p_screened_rule END;
      PERFORM response_insert(p_id, p_survey_id, p_version_id, p_collector_id, p_submission_id, 'complete',
        p_locale, p_answers, p_breakdowns, p_content_hash, p_firm_identifier, p_started_at, p_completed_at,
        p_duration_seconds, 1, v_rule,
        CASE WHEN v_duplicate THEN p_duplicate_reason ELSE p_screened_reason END,
        CASE WHEN v_rule IS NULL THEN NULL ELSE p_completed_at END, p_rows);
      v_outcome := 'stored';
    END IF;
  END IF;
  IF p_rate_key IS NOT NULL THEN
    PERFORM rate_limit_hit(p_rate_key, p_rate_window_start);
  END IF;
  RETURN v_outcome;
END
$$;
