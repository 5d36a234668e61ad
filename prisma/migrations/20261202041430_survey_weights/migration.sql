-- CreateEnum
CREATE TYPE "weighting_method" AS ENUM ('post_stratify', 'rake');

-- CreateEnum
CREATE TYPE "weighting_status" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterTable
ALTER TABLE "result_cell" ADD COLUMN     "mention_weight_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "weight_sq_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "weight_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "weighted" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "result_tally" ADD COLUMN     "weight" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "survey_weighting" (
    "survey_id" UUID NOT NULL,
    "method" "weighting_method" NOT NULL,
    "targets" JSONB NOT NULL,
    "trim_cap" DOUBLE PRECISION,
    "tolerance" DOUBLE PRECISION NOT NULL DEFAULT 0.0000001,
    "max_iterations" INTEGER NOT NULL DEFAULT 100,
    "status" "weighting_status" NOT NULL DEFAULT 'queued',
    "outcome" JSONB,
    "weighted_responses" INTEGER,
    "weighted_key_sum" BIGINT,
    "computed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "survey_weighting_pkey" PRIMARY KEY ("survey_id")
);

-- CreateTable
CREATE TABLE "response_weight" (
    "response_id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "response_weight_pkey" PRIMARY KEY ("response_id")
);

-- CreateIndex
CREATE INDEX "response_weight_survey_id_idx" ON "response_weight"("survey_id");

-- AddForeignKey
ALTER TABLE "survey_weighting" ADD CONSTRAINT "survey_weighting_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_weight" ADD CONSTRAINT "response_weight_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The canonical SQL functions (prisma/sql/analytics), now keeping weighted sums.
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

CREATE OR REPLACE FUNCTION analytics_total_key(p_id uuid, p_completed_at timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(to_char(p_completed_at, 'YYYY-MM-DD'), '') || analytics_stripe(p_id)
$$;

-- Each change is [cell_key, total_key, scope, metric, breakdowns, responses, mentions, value_sum,
-- value_count, key_sum, mention_key_sum, weight_sum, weight_sq_sum, mention_weight_sum, weighted]. Rows are
-- written in key order so that concurrent writers never deadlock.
-- PL/pgSQL so that the statement's plan is cached (it runs for every write).
CREATE OR REPLACE FUNCTION analytics_apply(p_survey_id uuid, p_changes jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum,
                                value_count, key_sum, mention_key_sum, weight_sum, weight_sq_sum, mention_weight_sum,
                                weighted)
  SELECT p_survey_id, scope, cell_key, metric, min(breakdowns)::jsonb, sum(n), sum(m), sum(vs), sum(vc), sum(k), sum(mk),
         sum(w), sum(w2), sum(mw), sum(nw)
  FROM (
    SELECT x->>2 AS scope, x->>0 AS cell_key, x->>3 AS metric, x->>4 AS breakdowns,
           (x->>5)::bigint AS n, (x->>6)::bigint AS m, (x->>7)::double precision AS vs, (x->>8)::bigint AS vc,
           (x->>9)::bigint AS k, (x->>10)::bigint AS mk, COALESCE((x->>11)::double precision, 0) AS w,
           COALESCE((x->>12)::double precision, 0) AS w2, COALESCE((x->>13)::double precision, 0) AS mw,
           COALESCE((x->>14)::bigint, 0) AS nw
    FROM jsonb_array_elements(p_changes) x
    UNION ALL
    SELECT x->>2, x->>1, x->>3, '{}', (x->>5)::bigint, (x->>6)::bigint, (x->>7)::double precision, (x->>8)::bigint,
           (x->>9)::bigint, (x->>10)::bigint, COALESCE((x->>11)::double precision, 0),
           COALESCE((x->>12)::double precision, 0), COALESCE((x->>13)::double precision, 0),
           COALESCE((x->>14)::bigint, 0)
    FROM jsonb_array_elements(p_changes) x
  ) changes
  GROUP BY scope, cell_key, metric
  HAVING sum(n) <> 0 OR sum(m) <> 0 OR sum(vs) <> 0 OR sum(vc) <> 0 OR sum(w) <> 0 OR sum(w2) <> 0 OR sum(mw) <> 0
      OR sum(nw) <> 0
  ORDER BY scope, cell_key, metric
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET responses = c.responses + excluded.responses, mentions = c.mentions + excluded.mentions,
      value_sum = c.value_sum + excluded.value_sum, value_count = c.value_count + excluded.value_count,
      key_sum = c.key_sum + excluded.key_sum, mention_key_sum = c.mention_key_sum + excluded.mention_key_sum,
      weight_sum = c.weight_sum + excluded.weight_sum, weight_sq_sum = c.weight_sq_sum + excluded.weight_sq_sum,
      mention_weight_sum = c.mention_weight_sum + excluded.mention_weight_sum, weighted = c.weighted + excluded.weighted;
END $$;

-- A tally's contributions as changes, added (p_sign 1) or taken away (p_sign -1). An unweighted
-- response (no weight yet) adds nothing to the weighted sums.
CREATE OR REPLACE FUNCTION analytics_changes(p_tally result_tally, p_sign int)
RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT COALESCE(jsonb_agg(jsonb_build_array(
           p_tally.cell_key, analytics_total_key(p_tally.response_id, p_tally.completed_at), x->>0, x->>1,
           p_tally.breakdowns::text, p_sign * (x->>2)::bigint, p_sign * (x->>3)::bigint,
           p_sign * (x->>4)::double precision, p_sign * (x->>5)::bigint,
           p_sign * (x->>2)::bigint * p_tally.record_key, p_sign * (x->>3)::bigint * p_tally.record_key,
           p_sign * (x->>2)::bigint * COALESCE(p_tally.weight, 0),
           p_sign * (x->>2)::bigint * COALESCE(p_tally.weight, 0) ^ 2,
           p_sign * (x->>3)::bigint * COALESCE(p_tally.weight, 0),
           p_sign * (x->>2)::bigint * (p_tally.weight IS NOT NULL)::int)), '[]'::jsonb)
  FROM jsonb_array_elements(p_tally.contributions) x);
END $$;

-- prisma/sql/analytics/05-refresh.sql
-- Keeps one response's tally and the cells it feeds up to date, in the writing transaction.
-- Idempotent: called by the response and answer triggers, whichever runs last leaves the cells
-- matching the response's final state. Returns whether anything changed.
CREATE OR REPLACE FUNCTION analytics_refresh_response(p_id uuid)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  r record;
  old result_tally%ROWTYPE;
  fresh result_tally%ROWTYPE;
BEGIN
  SELECT r0.id, r0.survey_id, r0.breakdowns, r0.completed_at, r0.record_key, w.weight INTO r
  FROM response r0 LEFT JOIN response_weight w ON w.response_id = r0.id WHERE r0.id = p_id;
  SELECT * INTO old FROM result_tally WHERE response_id = p_id FOR UPDATE;
  IF r.id IS NOT NULL THEN
    fresh.response_id := r.id;
    fresh.survey_id := r.survey_id;
    fresh.cell_key := r.breakdowns::text;
    fresh.breakdowns := r.breakdowns;
    fresh.completed_at := r.completed_at;
    fresh.record_key := r.record_key;
    fresh.weight := r.weight;
    SELECT COALESCE(jsonb_agg(jsonb_build_array(c.scope, c.metric, c.responses, c.mentions, c.value_sum, c.value_count)
                              ORDER BY c.scope, c.metric), '[]'::jsonb)
    INTO fresh.contributions FROM analytics_contributions(ARRAY[p_id]) c;
  ELSE
    fresh.contributions := '[]'::jsonb;
  END IF;
  IF old.response_id IS NOT NULL AND old.contributions = fresh.contributions AND old.cell_key = fresh.cell_key
     AND old.completed_at IS NOT DISTINCT FROM fresh.completed_at AND old.weight IS NOT DISTINCT FROM fresh.weight THEN
    RETURN false;
  END IF;
  PERFORM analytics_apply(COALESCE(r.survey_id, old.survey_id),
    CASE WHEN old.response_id IS NULL THEN '[]'::jsonb ELSE analytics_changes(old, -1) END
    || CASE WHEN r.id IS NULL THEN '[]'::jsonb ELSE analytics_changes(fresh, 1) END);
  IF r.id IS NULL OR fresh.contributions = '[]'::jsonb THEN
    DELETE FROM result_tally WHERE response_id = p_id;
  ELSE
    INSERT INTO result_tally (response_id, survey_id, cell_key, breakdowns, completed_at, contributions, record_key,
                              weight)
    VALUES (p_id, fresh.survey_id, fresh.cell_key, fresh.breakdowns, fresh.completed_at, fresh.contributions,
            fresh.record_key, fresh.weight)
    ON CONFLICT (response_id) DO UPDATE
    SET cell_key = excluded.cell_key, breakdowns = excluded.breakdowns, completed_at = excluded.completed_at,
        contributions = excluded.contributions, record_key = excluded.record_key, weight = excluded.weight;
  END IF;
  RETURN true;
END $$;

-- Partial saves (autosave while a firm types) change no figure on any dashboard: refresh and
-- notify only for complete responses, and when a response stops being complete.
CREATE OR REPLACE FUNCTION analytics_on_response_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'complete' OR (TG_OP = 'UPDATE' AND OLD.status = 'complete') THEN
    PERFORM analytics_refresh_response(NEW.id);
    PERFORM pg_notify('survey_results', NEW.survey_id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION analytics_on_answers_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_refresh_response(id) FROM (SELECT DISTINCT response_id AS id FROM changed_rows ORDER BY 1) s;
  RETURN NULL;
END $$;

-- Before the row goes (cascades would remove the answers first): subtract what it added.
CREATE OR REPLACE FUNCTION analytics_on_response_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_tally result_tally%ROWTYPE;
BEGIN
  SELECT * INTO old_tally FROM result_tally WHERE response_id = OLD.id FOR UPDATE;
  IF old_tally.response_id IS NOT NULL THEN
    PERFORM analytics_apply(OLD.survey_id, analytics_changes(old_tally, -1));
    DELETE FROM result_tally WHERE response_id = OLD.id;
  END IF;
  PERFORM pg_notify('survey_results', OLD.survey_id::text);
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
  SELECT p_survey_id, x->>0, k.cell_key, x->>1, min(k.breakdowns)::jsonb,
         sum((x->>2)::bigint), sum((x->>3)::bigint), sum((x->>4)::double precision), sum((x->>5)::bigint),
         sum((x->>2)::bigint * t.record_key), sum((x->>3)::bigint * t.record_key),
         COALESCE(sum((x->>2)::bigint * t.weight), 0), COALESCE(sum((x->>2)::bigint * t.weight ^ 2), 0),
         COALESCE(sum((x->>3)::bigint * t.weight), 0), sum((x->>2)::bigint * (t.weight IS NOT NULL)::int)
  FROM result_tally t
  CROSS JOIN LATERAL (VALUES (t.cell_key, t.breakdowns::text),
                             (COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), '') || '#0', '{}')) k(cell_key, breakdowns)
  CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
  WHERE t.survey_id = p_survey_id
  GROUP BY x->>0, k.cell_key, x->>1
  HAVING sum((x->>2)::bigint) <> 0 OR sum((x->>3)::bigint) <> 0 OR sum((x->>4)::double precision) <> 0
      OR sum((x->>5)::bigint) <> 0;
END $$;

-- Derives a survey's tallies and cells from scratch (bulk loads, repairs). The responses are
-- taken in their physical order, listed in one snapshot: a bulk load's answer rows lie in the
-- same order, so each chunk reads them in sequence rather than all over the table.
CREATE OR REPLACE FUNCTION analytics_rebuild(p_survey_id uuid, p_chunk int DEFAULT 20000)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  all_ids uuid[];
  ids uuid[];
  total bigint := 0;
BEGIN
  DELETE FROM result_tally WHERE survey_id = p_survey_id;
  SELECT COALESCE(array_agg(id ORDER BY ctid), '{}') INTO all_ids FROM response WHERE survey_id = p_survey_id;
  WHILE total < COALESCE(array_length(all_ids, 1), 0) LOOP
    ids := all_ids[total + 1 : total + p_chunk];
    INSERT INTO result_tally (response_id, survey_id, cell_key, breakdowns, completed_at, record_key, weight,
                              contributions)
    SELECT r.id, r.survey_id, r.breakdowns::text, r.breakdowns, r.completed_at, r.record_key, min(w.weight),
           jsonb_agg(jsonb_build_array(c.scope, c.metric, c.responses, c.mentions, c.value_sum, c.value_count)
                     ORDER BY c.scope, c.metric)
    FROM analytics_contributions(ids) c JOIN response r ON r.id = c.response_id
    LEFT JOIN response_weight w ON w.response_id = r.id
    GROUP BY r.id;
    total := total + array_length(ids, 1);
  END LOOP;
  PERFORM analytics_rebuild_cells(p_survey_id);
  RETURN total;
END $$;

-- prisma/sql/analytics/07-weights.sql
-- A survey's new weights (response_weight, written by the weighting job) carried into its tallies
-- and cells, in the job's transaction: each tally takes its response's weight, then every cell's
-- weighted sums are set from the tallies, the day totals into stripe #0 (as the rebuild does).
-- Counts are not touched, so submissions arriving meanwhile go on adding to them; a response
-- stored after the weights were computed has none and adds nothing to the weighted sums until
-- the next computation (which its arrival queues).
CREATE OR REPLACE FUNCTION analytics_apply_weights(p_survey_id uuid)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE result_tally t SET weight = w.weight
  FROM result_tally t0 LEFT JOIN response_weight w ON w.response_id = t0.response_id
  WHERE t.response_id = t0.response_id AND t0.survey_id = p_survey_id AND t.weight IS DISTINCT FROM w.weight;

  UPDATE result_cell SET weight_sum = 0, weight_sq_sum = 0, mention_weight_sum = 0, weighted = 0
  WHERE survey_id = p_survey_id AND (weight_sum <> 0 OR weight_sq_sum <> 0 OR mention_weight_sum <> 0 OR weighted <> 0);

  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, weight_sum, weight_sq_sum,
                                mention_weight_sum, weighted)
  SELECT p_survey_id, x->>0, k.cell_key, x->>1, min(k.breakdowns)::jsonb,
         sum((x->>2)::bigint * t.weight), sum((x->>2)::bigint * t.weight ^ 2), sum((x->>3)::bigint * t.weight),
         sum((x->>2)::bigint)
  FROM result_tally t
  CROSS JOIN LATERAL (VALUES (t.cell_key, t.breakdowns::text),
                             (COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), '') || '#0', '{}')) k(cell_key, breakdowns)
  CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
  WHERE t.survey_id = p_survey_id AND t.weight IS NOT NULL
  GROUP BY x->>0, k.cell_key, x->>1
  HAVING sum((x->>2)::bigint * t.weight) <> 0 OR sum((x->>3)::bigint * t.weight) <> 0
  ORDER BY 2, 3, 4
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET weight_sum = excluded.weight_sum, weight_sq_sum = excluded.weight_sq_sum,
      mention_weight_sum = excluded.mention_weight_sum, weighted = excluded.weighted;
END $$;
