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
