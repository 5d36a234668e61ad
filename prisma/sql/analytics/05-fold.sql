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
CREATE OR REPLACE FUNCTION analytics_fold_responses(p_ids uuid[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
BEGIN
  PERFORM pg_advisory_xact_lock(analytics_fold_lock());
  -- Dropped at commit: a table that outlived its transaction would pin result_tally's row type
  -- against migrations.
  IF to_regclass('pg_temp.fold_pair') IS NULL THEN
    CREATE TEMP TABLE fold_pair (old result_tally, fresh result_tally) ON COMMIT DROP;
  ELSE
    DELETE FROM fold_pair;
  END IF;
  INSERT INTO fold_pair
  SELECT jsonb_populate_record(NULL::result_tally, to_jsonb(o)), jsonb_populate_record(NULL::result_tally, to_jsonb(f))
  FROM (SELECT * FROM result_tally WHERE response_id = ANY (p_ids)) o
  FULL JOIN analytics_fresh_tallies(p_ids) f ON f.response_id = o.response_id;
  DELETE FROM fold_pair p
  WHERE (p.old).response_id IS NOT NULL AND (p.fresh).response_id IS NOT NULL
    AND (p.old).contributions = (p.fresh).contributions AND (p.old).cell_key = (p.fresh).cell_key
    AND (p.old).completed_at IS NOT DISTINCT FROM (p.fresh).completed_at
    AND (p.old).weight IS NOT DISTINCT FROM (p.fresh).weight;
  SELECT count(*) INTO changed FROM fold_pair;
  IF changed = 0 THEN
    RETURN 0;
  END IF;

  -- The responses of a survey deleted meanwhile leave nothing behind (its trigger removed its cells).
  PERFORM analytics_apply(s.survey_id, s.changes)
  FROM (
    SELECT x.survey_id, jsonb_agg(e) AS changes
    FROM (SELECT COALESCE((p.fresh).survey_id, (p.old).survey_id) AS survey_id, p.old, p.fresh FROM fold_pair p) x
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN (x.old).response_id IS NULL THEN '[]'::jsonb ELSE analytics_changes(x.old, -1) END
      || CASE WHEN (x.fresh).response_id IS NULL THEN '[]'::jsonb ELSE analytics_changes(x.fresh, 1) END) e
    WHERE EXISTS (SELECT 1 FROM survey s WHERE s.id = x.survey_id)
    GROUP BY x.survey_id
    ORDER BY x.survey_id
  ) s;

  DELETE FROM result_tally t USING fold_pair p
  WHERE t.response_id = (p.old).response_id AND (p.fresh).response_id IS NULL;
  INSERT INTO result_tally
  SELECT (p.fresh).* FROM fold_pair p
  WHERE (p.fresh).response_id IS NOT NULL AND EXISTS (SELECT 1 FROM survey s WHERE s.id = (p.fresh).survey_id)
  ON CONFLICT (response_id) DO UPDATE
  SET cell_key = excluded.cell_key, breakdowns = excluded.breakdowns, completed_at = excluded.completed_at,
      contributions = excluded.contributions, record_key = excluded.record_key, weight = excluded.weight;

  PERFORM pg_notify('survey_results', s.id::text)
  FROM (SELECT DISTINCT COALESCE((p.fresh).survey_id, (p.old).survey_id) AS id FROM fold_pair p) s;
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
