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
