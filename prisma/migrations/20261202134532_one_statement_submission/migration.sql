-- AlterTable
ALTER TABLE "survey" ADD COLUMN     "settings_revision" INTEGER NOT NULL DEFAULT 0;

-- prisma/sql/analytics/01-valid-response.sql
-- The one definition of a valid response: complete and not screened (DESIGN.md section 4).
-- Kept in response.valid by this trigger function, so that SQL and Prisma queries read one column.
CREATE OR REPLACE FUNCTION response_set_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.valid := NEW.status = 'complete' AND NEW.screened_at IS NULL;
  RETURN NEW;
END $$;

-- prisma/sql/analytics/02-concern.sql
-- Whether one answer row flags its metric, by the rule compiled into its metric_map row:
-- chosen (any selected option), top_n (ranked within the first N), at_least (a rating at or
-- above the threshold).
CREATE OR REPLACE FUNCTION analytics_concern(p_rule text, p_top_n int, p_threshold double precision, p_rank int, p_value double precision)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_rule
    WHEN 'chosen' THEN true
    WHEN 'top_n' THEN p_rank IS NOT NULL AND p_rank <= p_top_n
    WHEN 'at_least' THEN p_value IS NOT NULL AND p_value >= p_threshold
    ELSE false
  END
$$;

-- prisma/sql/analytics/03-contributions.sql
-- What each response in p_ids adds to its survey's results, one row per (scope, metric):
--   scope all: delivered (complete), valid, screened (complete, not valid)
--   scope <level>, valid responses only, from answers joined to the version's metric_map:
--     base          the response answered an item of the level substantively
--     b:<base key>  it answered substantively an item carrying the base key (a factor's own base)
--     f:<factor>    flagged (1 or 0), mentions, value sum and count (ratings)
--     o:<option>    an unmapped substantive option such as none of these
-- Answers that are not substantive (a non-substantive option, or a rating on a non-substantive
-- point) count nowhere: the response leaves that item's base.
-- PL/pgSQL with a generic plan rather than SQL planned on every call: one runs for every write,
-- planning it cost twice its execution, and its plan does not depend on the ids (the responses'
-- own rows are read first, by their indexes).
CREATE OR REPLACE FUNCTION analytics_contributions(p_ids uuid[])
RETURNS TABLE (response_id uuid, scope text, metric text, responses bigint, mentions bigint, value_sum double precision, value_count bigint)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH resp AS MATERIALIZED (
    SELECT r.id, r.version_id, r.status = 'complete' AS complete, r.valid
    FROM response r WHERE r.id = ANY (p_ids)
  ),
  -- The responses' own answer rows first (by their index), whatever the planner knows of the tables.
  ans AS MATERIALIZED (
    SELECT a.response_id, a.question_code, COALESCE(a.option_code, '') AS answer_code, a.number_value, a.rank
    FROM answer a WHERE a.response_id = ANY (p_ids)
  ),
  answered AS (
    SELECT a.response_id, r.version_id, m.scope, m.item, m.metric, a.number_value,
           analytics_concern(m.concern_rule, m.top_n, m.threshold, a.rank, a.number_value) AS concern
    FROM ans a
    JOIN resp r ON r.id = a.response_id AND r.valid
    JOIN metric_map m ON m.version_id = r.version_id AND m.question_code = a.question_code
                     AND m.answer_code = a.answer_code
    WHERE m.substantive
      AND NOT (a.number_value IS NOT NULL AND a.number_value = ANY (COALESCE(m.non_substantive_values, ARRAY[]::double precision[])))
  ),
  bases AS (
    SELECT DISTINCT i.response_id, m.scope, m.base_key
    FROM (SELECT DISTINCT response_id, version_id, item FROM answered) i
    JOIN metric_map m ON m.version_id = i.version_id AND m.item = i.item AND m.base_key IS NOT NULL
  )
  SELECT id, 'all'::text, 'delivered'::text, 1::bigint, 0::bigint, 0::double precision, 0::bigint FROM resp WHERE complete
  UNION ALL SELECT id, 'all', 'valid', 1, 0, 0, 0 FROM resp WHERE valid
  UNION ALL SELECT id, 'all', 'screened', 1, 0, 0, 0 FROM resp WHERE complete AND NOT valid
  UNION ALL SELECT DISTINCT b.response_id, b.scope, 'base', 1::bigint, 0::bigint, 0::double precision, 0::bigint FROM bases b
  UNION ALL SELECT b.response_id, b.scope, 'b:' || b.base_key, 1, 0, 0, 0 FROM bases b
  UNION ALL
    SELECT x.response_id, x.scope, x.metric, max(x.concern::int)::bigint, count(*) FILTER (WHERE x.concern),
           COALESCE(sum(x.number_value), 0), count(x.number_value)
    FROM answered x WHERE x.metric IS NOT NULL GROUP BY x.response_id, x.scope, x.metric;
END $$;

-- prisma/sql/analytics/04-cells.sql
-- Record keys of the cell key method (docs/decisions/012-cell-key-perturbation.md): every response
-- gets a random integer in [0, analytics_key_range()) when it is stored, kept and never shown.
-- Cells keep the sum of their responses' keys next to their counts; the public figure of a count
-- is the count plus the noise its cell key (that sum modulo the range) picks from the
-- perturbation table (lib/analytics/disclosure.ts reads the range from here).
CREATE OR REPLACE FUNCTION analytics_key_range() RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT 65536
$$;

-- From the strong random source behind gen_random_uuid (random() is a per-session generator).
CREATE OR REPLACE FUNCTION analytics_new_record_key() RETURNS integer LANGUAGE sql VOLATILE AS $$
  SELECT (get_byte(b, 0) * 256 + get_byte(b, 1)) % analytics_key_range()
  FROM (SELECT uuid_send(gen_random_uuid()) AS b) s
$$;

-- Where a response's contributions land: its breakdown cell (cell key: its breakdowns as text)
-- and a survey-total cell per completion day, striped over eight rows by a hash of the response
-- id (cell key: YYYY-MM-DD#s), so that concurrent submissions rarely wait on one row and a date
-- range reads a few rows per day. Total cell keys sort before breakdown keys, which start with {.
CREATE OR REPLACE FUNCTION analytics_stripe(p_id uuid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '#' || (abs(hashtext(p_id::text)) % 8)::text
$$;

-- STABLE as its body (to_char) is, so that the planner inlines it: called per tally in a fold, a
-- function the planner cannot inline cost a third of a millisecond a call.
CREATE OR REPLACE FUNCTION analytics_total_key(p_id uuid, p_completed_at timestamp) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(to_char(p_completed_at, 'YYYY-MM-DD'), '') || analytics_stripe(p_id)
$$;

-- What one tally adds to the cells, one row per (cell, scope, metric): its breakdown cell and the
-- survey-total cell p_total_key (its day's stripe when folding, stripe #0 when rebuilding: stripes
-- only spread concurrent writers, reads add them up). An unweighted response (no weight yet)
-- adds nothing to the weighted sums. Plain SQL so that the planner inlines it into the set-based
-- statements of the fold, the rebuild and the weights (a function call per tally cost more than
-- the rest of a fold).
CREATE OR REPLACE FUNCTION analytics_tally_cells(p_cell_key text, p_breakdowns jsonb, p_contributions jsonb,
                                                 p_record_key integer, p_weight double precision, p_total_key text)
RETURNS TABLE (cell_key text, breakdowns text, scope text, metric text, responses bigint, mentions bigint,
               value_sum double precision, value_count bigint, key_sum bigint, mention_key_sum bigint,
               weight_sum double precision, weight_sq_sum double precision, mention_weight_sum double precision,
               weighted bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT k.cell_key, k.breakdowns, x->>0, x->>1, (x->>2)::bigint, (x->>3)::bigint, (x->>4)::double precision,
         (x->>5)::bigint, (x->>2)::bigint * p_record_key, (x->>3)::bigint * p_record_key,
         (x->>2)::bigint * COALESCE(p_weight, 0), (x->>2)::bigint * COALESCE(p_weight, 0) ^ 2,
         (x->>3)::bigint * COALESCE(p_weight, 0), (x->>2)::bigint * (p_weight IS NOT NULL)::int
  FROM (VALUES (p_cell_key, p_breakdowns::text), (p_total_key, '{}')) k(cell_key, breakdowns)
  CROSS JOIN jsonb_array_elements(p_contributions) x
$$;

-- prisma/sql/analytics/05-fold.sql
-- Submissions do not touch the result cells. The triggers below only note, in the writing
-- transaction, which responses changed (result_change: an append, with no row another writer
-- waits on). analytics_fold then brings those responses' tallies, and the cells they feed, up to
-- date in batches: one upsert per touched cell per batch, one notification per survey per batch.
-- Folds are serialised by one advisory lock per database, so any number of app servers may run
-- the aggregator (lib/analytics/results-aggregator.ts). A read on the primary first folds what is
-- still pending for its survey, so it is exact (docs/decisions/026-folded-result-cells.md).

CREATE OR REPLACE FUNCTION analytics_fold_lock() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT 4242026001::bigint
$$;

-- The tallies that the responses in p_ids have now, from their rows and the version's metric map:
-- what a response adds to its survey's results (analytics_contributions), where (its breakdown
-- cell and completion day), its record key and weight. Responses that add nothing (partial,
-- deleted) have none.
CREATE OR REPLACE FUNCTION analytics_fresh_tallies(p_ids uuid[]) RETURNS SETOF result_tally
LANGUAGE sql STABLE AS $$
  SELECT r.id, r.survey_id, r.breakdowns::text, r.breakdowns, r.completed_at,
         jsonb_agg(jsonb_build_array(c.scope, c.metric, c.responses, c.mentions, c.value_sum, c.value_count)
                   ORDER BY c.scope, c.metric),
         r.record_key, min(w.weight)
  FROM analytics_contributions(p_ids) c JOIN response r ON r.id = c.response_id
  LEFT JOIN response_weight w ON w.response_id = r.id
  GROUP BY r.id
$$;

-- Brings the tallies of the responses in p_ids, and the cells they feed, up to date with the
-- responses' rows. Idempotent: a response whose tally already matches changes nothing. Takes the
-- fold lock. Returns how many tallies changed.
-- JIT off: its statements cost enough to be compiled, and compiling took ten times as long as
-- running them.
CREATE OR REPLACE FUNCTION analytics_fold_responses(p_ids uuid[]) RETURNS integer
LANGUAGE plpgsql SET work_mem = '32MB' SET jit = off AS $$
DECLARE
  changed integer;
BEGIN
  PERFORM pg_advisory_xact_lock(analytics_fold_lock());
  -- Each response's stored tally (sign -1) and fresh one (sign 1), in plain columns (reading
  -- fields of composite values cost more than the fold itself). Dropped at commit.
  IF to_regclass('pg_temp.fold_side') IS NULL THEN
    CREATE TEMP TABLE fold_side (sign integer, LIKE result_tally) ON COMMIT DROP;
  ELSE
    DELETE FROM fold_side;
  END IF;
  INSERT INTO fold_side SELECT -1, t.* FROM result_tally t WHERE t.response_id = ANY (p_ids);
  INSERT INTO fold_side SELECT 1, f.* FROM analytics_fresh_tallies(p_ids) f;
  DELETE FROM fold_side a USING fold_side b
  WHERE a.response_id = b.response_id AND a.sign <> b.sign AND a.contributions = b.contributions
    AND a.cell_key = b.cell_key AND a.completed_at IS NOT DISTINCT FROM b.completed_at
    AND a.weight IS NOT DISTINCT FROM b.weight;
  SELECT count(DISTINCT response_id) INTO changed FROM fold_side;
  IF changed = 0 THEN
    RETURN 0;
  END IF;

  -- Old tallies taken away, fresh ones added, in one upsert per touched cell written in key order.
  -- Key sums decide too: in a batch, one response leaving a cell as another enters it nets to no
  -- count but changes the cell's key. The responses of a survey deleted meanwhile leave nothing
  -- behind (its trigger removed its cells).
  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum,
                                value_count, key_sum, mention_key_sum, weight_sum, weight_sq_sum, mention_weight_sum,
                                weighted)
  SELECT t.survey_id, x.scope, x.cell_key, x.metric, min(x.breakdowns)::jsonb, sum(t.sign * x.responses),
         sum(t.sign * x.mentions), sum(t.sign * x.value_sum), sum(t.sign * x.value_count), sum(t.sign * x.key_sum),
         sum(t.sign * x.mention_key_sum), sum(t.sign * x.weight_sum), sum(t.sign * x.weight_sq_sum),
         sum(t.sign * x.mention_weight_sum), sum(t.sign * x.weighted)
  FROM fold_side t
  CROSS JOIN LATERAL analytics_tally_cells(t.cell_key, t.breakdowns, t.contributions, t.record_key, t.weight,
                                           analytics_total_key(t.response_id, t.completed_at)) x
  WHERE EXISTS (SELECT 1 FROM survey v WHERE v.id = t.survey_id)
  GROUP BY t.survey_id, x.scope, x.cell_key, x.metric
  HAVING sum(t.sign * x.responses) <> 0 OR sum(t.sign * x.mentions) <> 0 OR sum(t.sign * x.value_sum) <> 0
      OR sum(t.sign * x.value_count) <> 0 OR sum(t.sign * x.key_sum) <> 0 OR sum(t.sign * x.mention_key_sum) <> 0
      OR sum(t.sign * x.weight_sum) <> 0 OR sum(t.sign * x.weight_sq_sum) <> 0
      OR sum(t.sign * x.mention_weight_sum) <> 0 OR sum(t.sign * x.weighted) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET responses = c.responses + excluded.responses, mentions = c.mentions + excluded.mentions,
      value_sum = c.value_sum + excluded.value_sum, value_count = c.value_count + excluded.value_count,
      key_sum = c.key_sum + excluded.key_sum, mention_key_sum = c.mention_key_sum + excluded.mention_key_sum,
      weight_sum = c.weight_sum + excluded.weight_sum, weight_sq_sum = c.weight_sq_sum + excluded.weight_sq_sum,
      mention_weight_sum = c.mention_weight_sum + excluded.mention_weight_sum, weighted = c.weighted + excluded.weighted;

  DELETE FROM result_tally t USING fold_side s
  WHERE t.response_id = s.response_id AND s.sign = -1
    AND NOT EXISTS (SELECT 1 FROM fold_side f WHERE f.response_id = s.response_id AND f.sign = 1);
  INSERT INTO result_tally (response_id, survey_id, cell_key, breakdowns, completed_at, contributions, record_key, weight)
  SELECT s.response_id, s.survey_id, s.cell_key, s.breakdowns, s.completed_at, s.contributions, s.record_key, s.weight
  FROM fold_side s
  WHERE s.sign = 1 AND EXISTS (SELECT 1 FROM survey v WHERE v.id = s.survey_id)
  ON CONFLICT (response_id) DO UPDATE
  SET cell_key = excluded.cell_key, breakdowns = excluded.breakdowns, completed_at = excluded.completed_at,
      contributions = excluded.contributions, record_key = excluded.record_key, weight = excluded.weight;

  PERFORM pg_notify('survey_results', s.survey_id::text) FROM (SELECT DISTINCT survey_id FROM fold_side) s;
  RETURN changed;
END $$;

-- Folds up to p_limit noted changes, oldest first: of one survey (a read that wants exact figures)
-- or of all. Without p_wait it gives up at once (returns -1) when another fold is running, as the
-- aggregator does; a read waits for it. Returns how many changes it took.
CREATE OR REPLACE FUNCTION analytics_fold(p_survey_id uuid DEFAULT NULL, p_limit integer DEFAULT 2000,
                                          p_wait boolean DEFAULT true)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  taken integer;
BEGIN
  IF p_survey_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM result_change WHERE survey_id = p_survey_id) THEN
    RETURN 0;
  END IF;
  IF p_wait THEN
    PERFORM pg_advisory_xact_lock(analytics_fold_lock());
  ELSIF NOT pg_try_advisory_xact_lock(analytics_fold_lock()) THEN
    RETURN -1;
  END IF;
  IF p_survey_id IS NULL THEN
    WITH gone AS (
      DELETE FROM result_change WHERE seq IN (SELECT seq FROM result_change ORDER BY seq LIMIT p_limit)
      RETURNING response_id)
    SELECT array_agg(DISTINCT response_id), count(*) INTO ids, taken FROM gone;
  ELSE
    WITH gone AS (
      DELETE FROM result_change
      WHERE seq IN (SELECT seq FROM result_change WHERE survey_id = p_survey_id ORDER BY seq LIMIT p_limit)
      RETURNING response_id)
    SELECT array_agg(DISTINCT response_id), count(*) INTO ids, taken FROM gone;
  END IF;
  IF taken > 0 THEN
    PERFORM analytics_fold_responses(ids);
  END IF;
  RETURN taken;
END $$;

-- Partial saves (autosave while a firm types) change no figure on any dashboard: only complete
-- responses, and responses that stop being complete, are noted.
CREATE OR REPLACE FUNCTION analytics_on_response_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'complete' OR (TG_OP = 'UPDATE' AND OLD.status = 'complete') THEN
    INSERT INTO result_change (response_id, survey_id) VALUES (NEW.id, NEW.survey_id);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION analytics_on_answers_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO result_change (response_id, survey_id)
  SELECT r.id, r.survey_id FROM response r
  WHERE r.id IN (SELECT response_id FROM changed_rows) AND r.status = 'complete';
  RETURN NULL;
END $$;

-- The fold finds the response gone and takes away what its tally added.
CREATE OR REPLACE FUNCTION analytics_on_response_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO result_change (response_id, survey_id) VALUES (OLD.id, OLD.survey_id);
  RETURN OLD;
END $$;

-- prisma/sql/analytics/06-rebuild.sql
-- Derives a survey's cells from its tallies, in one pass (a changed cell layout): the breakdown
-- cells, and the day totals in stripe #0 of each day (stripes only spread concurrent writers;
-- later writes land in all eight, reads add them up, and fewer rows read faster).
CREATE OR REPLACE FUNCTION analytics_rebuild_cells(p_survey_id uuid)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM result_cell WHERE survey_id = p_survey_id;
  INSERT INTO result_cell (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count,
                           key_sum, mention_key_sum, weight_sum, weight_sq_sum, mention_weight_sum, weighted)
  SELECT p_survey_id, x.scope, x.cell_key, x.metric, min(x.breakdowns)::jsonb, sum(x.responses), sum(x.mentions),
         sum(x.value_sum), sum(x.value_count), sum(x.key_sum), sum(x.mention_key_sum), sum(x.weight_sum),
         sum(x.weight_sq_sum), sum(x.mention_weight_sum), sum(x.weighted)
  FROM result_tally t
  CROSS JOIN LATERAL analytics_tally_cells(t.cell_key, t.breakdowns, t.contributions, t.record_key, t.weight,
                                          COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), '') || '#0') x
  WHERE t.survey_id = p_survey_id
  GROUP BY x.scope, x.cell_key, x.metric
  HAVING sum(x.responses) <> 0 OR sum(x.mentions) <> 0 OR sum(x.value_sum) <> 0 OR sum(x.value_count) <> 0;
END $$;

-- Derives a survey's tallies and cells from scratch (bulk loads, repairs), under the fold lock;
-- its noted changes are then already counted. The responses are taken in their physical order,
-- listed in one snapshot: a bulk load's answer rows lie in the same order, so each chunk reads
-- them in sequence rather than all over the table.
CREATE OR REPLACE FUNCTION analytics_rebuild(p_survey_id uuid, p_chunk int DEFAULT 20000)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  all_ids uuid[];
  ids uuid[];
  total bigint := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(analytics_fold_lock());
  DELETE FROM result_change WHERE survey_id = p_survey_id;
  DELETE FROM result_tally WHERE survey_id = p_survey_id;
  SELECT COALESCE(array_agg(id ORDER BY ctid), '{}') INTO all_ids FROM response WHERE survey_id = p_survey_id;
  WHILE total < COALESCE(array_length(all_ids, 1), 0) LOOP
    ids := all_ids[total + 1 : total + p_chunk];
    INSERT INTO result_tally SELECT * FROM analytics_fresh_tallies(ids);
    total := total + array_length(ids, 1);
  END LOOP;
  PERFORM analytics_rebuild_cells(p_survey_id);
  RETURN total;
END $$;

-- prisma/sql/analytics/07-weights.sql
-- A survey's new weights (response_weight, written by the weighting job) carried into its tallies
-- and cells, in the job's transaction and under the fold lock, once the survey's noted changes
-- are folded: each tally takes its response's weight, then every cell's
-- weighted sums are set from the tallies, the day totals into stripe #0 (as the rebuild does).
-- Counts are not touched, so submissions arriving meanwhile go on adding to them; a response
-- stored after the weights were computed has none and adds nothing to the weighted sums until
-- the next computation (which its arrival queues).
CREATE OR REPLACE FUNCTION analytics_apply_weights(p_survey_id uuid)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_fold(p_survey_id, 2147483647);
  PERFORM pg_advisory_xact_lock(analytics_fold_lock());
  UPDATE result_tally t SET weight = w.weight
  FROM result_tally t0 LEFT JOIN response_weight w ON w.response_id = t0.response_id
  WHERE t.response_id = t0.response_id AND t0.survey_id = p_survey_id AND t.weight IS DISTINCT FROM w.weight;

  UPDATE result_cell SET weight_sum = 0, weight_sq_sum = 0, mention_weight_sum = 0, weighted = 0
  WHERE survey_id = p_survey_id AND (weight_sum <> 0 OR weight_sq_sum <> 0 OR mention_weight_sum <> 0 OR weighted <> 0);

  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, weight_sum, weight_sq_sum,
                                mention_weight_sum, weighted)
  SELECT p_survey_id, x.scope, x.cell_key, x.metric, min(x.breakdowns)::jsonb, sum(x.weight_sum),
         sum(x.weight_sq_sum), sum(x.mention_weight_sum), sum(x.weighted)
  FROM result_tally t
  CROSS JOIN LATERAL analytics_tally_cells(t.cell_key, t.breakdowns, t.contributions, t.record_key, t.weight,
                                          COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), '') || '#0') x
  WHERE t.survey_id = p_survey_id AND t.weight IS NOT NULL
  GROUP BY x.scope, x.cell_key, x.metric
  HAVING sum(x.weight_sum) <> 0 OR sum(x.mention_weight_sum) <> 0
  ORDER BY 2, 3, 4
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET weight_sum = excluded.weight_sum, weight_sq_sum = excluded.weight_sq_sum,
      mention_weight_sum = excluded.mention_weight_sum, weighted = excluded.weighted;
END $$;

-- prisma/sql/http/01-rate-limit.sql
-- Fixed-window request limits (lib/http/rate-limit.ts): counts one request for p_key in the
-- window starting at p_window_start and returns the window's count so far. The one-statement
-- store of a submission counts its request here too, in its own transaction.
CREATE OR REPLACE FUNCTION rate_limit_hit(p_key text, p_window_start timestamp)
RETURNS integer
LANGUAGE sql VOLATILE AS $$
  INSERT INTO rate_limit_bucket (key, window_start, count) VALUES (p_key, p_window_start, 1)
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_bucket.count + 1
  RETURNING count;
$$;

-- prisma/sql/responses/01-store-response.sql
-- Writing responses (lib/responses/): the duplicate-firm rule, the insert of a response with its
-- answer rows, and the one-statement store of a new complete submission, the platform's hottest
-- write (ADR 028). Each is a single round trip for the app.

-- Whether another complete response of this survey has this firm (the duplicate-firm screening
-- rule, DESIGN.md §2). Serialized per firm by an advisory lock held to the end of the caller's
-- transaction, so two concurrent responses of one firm see each other. The check runs after the
-- lock in its own statement: a VOLATILE function's statements each take a fresh snapshot, while a
-- single statement's snapshot predates the wait for the lock.
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
    WHERE survey_id = p_survey_id AND firm_identifier = p_firm AND status = 'complete'
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

-- prisma/sql/responses/02-survey-settings.sql
-- The survey's settings revision (Survey.settingsRevision): one more on every change of the
-- survey's row, its open-link collectors or its quotas, whatever wrote it (the triggers name
-- which collectors: paper and invitation collectors do not change what a submission by open
-- link checks, and a long import that adds one must not hold the survey's row). App servers cache a survey's
-- submission settings (lib/responses/public-survey.ts); response_store_new_complete stores only
-- when the cached copy is of the current revision.
CREATE OR REPLACE FUNCTION survey_settings_changed()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'survey' THEN
    NEW.settings_revision := OLD.settings_revision + 1;
    RETURN NEW;
  END IF;
  UPDATE survey SET settings_revision = settings_revision
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.survey_id ELSE NEW.survey_id END;
  RETURN NULL;
END
$$;

-- The settings revision counts every change of a survey, its open-link collectors and its quotas.
CREATE TRIGGER survey_settings_revision BEFORE UPDATE ON survey
  FOR EACH ROW EXECUTE FUNCTION survey_settings_changed();
CREATE TRIGGER collector_settings_revision_insert AFTER INSERT ON collector
  FOR EACH ROW WHEN (NEW.kind = 'link') EXECUTE FUNCTION survey_settings_changed();
CREATE TRIGGER collector_settings_revision_update AFTER UPDATE ON collector
  FOR EACH ROW WHEN (NEW.kind = 'link' OR OLD.kind = 'link') EXECUTE FUNCTION survey_settings_changed();
CREATE TRIGGER collector_settings_revision_delete AFTER DELETE ON collector
  FOR EACH ROW WHEN (OLD.kind = 'link') EXECUTE FUNCTION survey_settings_changed();
CREATE TRIGGER quota_settings_revision AFTER INSERT OR UPDATE OR DELETE ON quota
  FOR EACH ROW EXECUTE FUNCTION survey_settings_changed();
