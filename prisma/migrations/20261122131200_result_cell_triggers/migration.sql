-- Result cells maintained in the same transaction as every response write, and live-update
-- notifications (docs/decisions/004-result-cells.md). Hand-written: Prisma has no triggers.

-- What each response in p_ids adds to its surveys results, one row per (scope, metric):
--   scope all:   delivered (complete), valid (complete, not screened), screened,
--   scope <level>: for valid responses that answered a question of that level substantively,
--     base (1), f:<factor> (flagged: 1 or 0, mentions, value sum and count for scales and
--     matrices) and o:<option> for unmapped substantive options such as "none of these".
-- A question feeds a level when it maps at least one factor, its level is its sections level,
-- else that of the factors it maps. "Do not know" options and scale points (nonSubstantive)
-- leave the base (DESIGN.md §4). Levels, factors and the nonSubstantive flags are read from the
-- immutable questionnaire version, so the result never depends on later edits.
CREATE FUNCTION analytics_contributions(p_ids uuid[])
RETURNS TABLE (response_id uuid, scope text, metric text, responses bigint, mentions bigint, value_sum double precision, value_count bigint)
LANGUAGE sql STABLE AS $$
  WITH resp AS (
    SELECT r.id, r.version_id, r.status = 'complete' AS complete,
           r.status = 'complete' AND r.screened_at IS NULL AS valid
    FROM response r WHERE r.id = ANY (p_ids)
  ),
  questions AS (
    SELECT v.id AS version_id, s.value->>'level' AS section_level, q.value AS q, v.definition->'factors' AS factors
    FROM questionnaire_version v
    CROSS JOIN LATERAL jsonb_array_elements(v.definition->'sections') s
    CROSS JOIN LATERAL jsonb_array_elements(s.value->'questions') q
    WHERE v.id IN (SELECT DISTINCT version_id FROM resp)
  ),
  mapped AS (
    SELECT version_id, section_level, q, factors,
           ARRAY(SELECT x->>'factor' FROM jsonb_array_elements(COALESCE(q->'options', q->'rows', '[]'::jsonb)) x
                 WHERE x->>'factor' IS NOT NULL) || COALESCE(ARRAY[q->>'factor'], '{}') AS factor_codes
    FROM questions
  ),
  items AS (
    SELECT version_id, q->>'code' AS question_code,
           COALESCE(section_level,
                    (SELECT f->>'level' FROM jsonb_array_elements(factors) f WHERE f->>'code' = ANY (factor_codes) LIMIT 1)) AS level,
           ARRAY(SELECT o->>'code' FROM jsonb_array_elements(COALESCE(q->'options', '[]'::jsonb)) o
                 WHERE (o->>'nonSubstantive')::boolean) AS ns_options,
           ARRAY(SELECT (p->>'value')::double precision FROM jsonb_array_elements(COALESCE(q->'scale'->'points', '[]'::jsonb)) p
                 WHERE (p->>'nonSubstantive')::boolean) AS ns_values
    FROM mapped WHERE array_length(array_remove(factor_codes, NULL), 1) > 0
  ),
  rows AS (
    SELECT a.response_id, i.level, a.option_code, a.factor_code, a.concern, a.number_value, a.rank
    FROM answer a
    JOIN resp r ON r.id = a.response_id AND r.valid
    JOIN items i ON i.version_id = r.version_id AND i.question_code = a.question_code
    WHERE a.response_id = ANY (p_ids)
      AND NOT (a.number_value IS NULL AND a.option_code IS NOT NULL AND a.option_code = ANY (i.ns_options))
      AND NOT (a.number_value IS NOT NULL AND a.number_value = ANY (i.ns_values))
  )
  SELECT id, 'all', 'delivered', 1, 0, 0, 0 FROM resp WHERE complete
  UNION ALL SELECT id, 'all', 'valid', 1, 0, 0, 0 FROM resp WHERE valid
  UNION ALL SELECT id, 'all', 'screened', 1, 0, 0, 0 FROM resp WHERE complete AND NOT valid
  UNION ALL SELECT response_id, level, 'base', 1, 0, 0, 0 FROM rows GROUP BY response_id, level
  UNION ALL
    SELECT response_id, level, 'f:' || factor_code, max(concern::int), count(*) FILTER (WHERE concern),
           COALESCE(sum(number_value), 0), count(number_value)
    FROM rows WHERE factor_code IS NOT NULL GROUP BY response_id, level, factor_code
  UNION ALL
    SELECT response_id, level, 'o:' || option_code, 1, count(*), 0, 0
    FROM rows WHERE factor_code IS NULL AND option_code IS NOT NULL AND number_value IS NULL AND rank IS NULL
    GROUP BY response_id, level, option_code
$$;

-- Adds (sign = 1) or removes (sign = -1) tallies contributions to the result cells, in key
-- order so that concurrent writers lock cells in the same order and never deadlock.
CREATE FUNCTION analytics_apply(p_survey_id uuid, p_changes jsonb)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count)
  SELECT p_survey_id, x->>1, x->>0, x->>2, min((x->>3))::jsonb,
         sum((x->>4)::bigint), sum((x->>5)::bigint), sum((x->>6)::double precision), sum((x->>7)::bigint)
  FROM jsonb_array_elements(p_changes) x
  GROUP BY x->>1, x->>0, x->>2
  HAVING sum((x->>4)::bigint) <> 0 OR sum((x->>5)::bigint) <> 0 OR sum((x->>6)::double precision) <> 0 OR sum((x->>7)::bigint) <> 0
  ORDER BY x->>1, x->>0, x->>2
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET responses = c.responses + excluded.responses, mentions = c.mentions + excluded.mentions,
      value_sum = c.value_sum + excluded.value_sum, value_count = c.value_count + excluded.value_count
$$;

-- Brings one responses tally and the cells up to date with what is stored now. Idempotent.
CREATE FUNCTION analytics_refresh_response(p_id uuid)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  r record;
  old result_tally%ROWTYPE;
  fresh jsonb;
  changes jsonb := '[]'::jsonb;
BEGIN
  SELECT id, survey_id, breakdowns, completed_at INTO r FROM response WHERE id = p_id;
  SELECT * INTO old FROM result_tally WHERE response_id = p_id FOR UPDATE;
  IF r.id IS NOT NULL THEN
    SELECT COALESCE(jsonb_agg(jsonb_build_array(c.scope, c.metric, c.responses, c.mentions, c.value_sum, c.value_count)
                              ORDER BY c.scope, c.metric), '[]'::jsonb)
    INTO fresh FROM analytics_contributions(ARRAY[p_id]) c;
  ELSE
    fresh := '[]'::jsonb;
  END IF;
  IF old.response_id IS NOT NULL AND old.contributions = fresh AND old.cell_key = r.breakdowns::text
     AND old.completed_at IS NOT DISTINCT FROM r.completed_at THEN
    RETURN false;
  END IF;
  -- Each change: [cell_key, scope, metric, breakdowns, responses, mentions, value_sum, value_count].
  IF old.response_id IS NOT NULL THEN
    SELECT changes || COALESCE(jsonb_agg(jsonb_build_array(old.cell_key, x->>0, x->>1, old.breakdowns::text,
                         -(x->>2)::bigint, -(x->>3)::bigint, -(x->>4)::double precision, -(x->>5)::bigint)), '[]'::jsonb)
    INTO changes FROM jsonb_array_elements(old.contributions) x;
  END IF;
  IF r.id IS NOT NULL AND fresh <> '[]'::jsonb THEN
    SELECT changes || jsonb_agg(jsonb_build_array(r.breakdowns::text, x->>0, x->>1, r.breakdowns::text,
                         (x->>2)::bigint, (x->>3)::bigint, (x->>4)::double precision, (x->>5)::bigint))
    INTO changes FROM jsonb_array_elements(fresh) x;
  END IF;
  PERFORM analytics_apply(COALESCE(r.survey_id, old.survey_id), changes);
  IF r.id IS NULL OR fresh = '[]'::jsonb THEN
    DELETE FROM result_tally WHERE response_id = p_id;
  ELSE
    INSERT INTO result_tally (response_id, survey_id, cell_key, breakdowns, completed_at, contributions)
    VALUES (p_id, r.survey_id, r.breakdowns::text, r.breakdowns, r.completed_at, fresh)
    ON CONFLICT (response_id) DO UPDATE
    SET cell_key = excluded.cell_key, breakdowns = excluded.breakdowns, completed_at = excluded.completed_at,
        contributions = excluded.contributions;
  END IF;
  RETURN true;
END $$;

-- The response row is written before its answer rows, so both tables refresh the tally: the
-- response trigger for screening and status changes, the answer triggers (once per statement,
-- over the distinct responses touched) for the answers. Every refresh is idempotent, so the
-- final state of the transaction is what the cells hold. Answer rows are derived from
-- response.answers and change only together with their response.
CREATE FUNCTION analytics_on_response_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_refresh_response(NEW.id);
  PERFORM pg_notify('survey_results', NEW.survey_id::text);
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_response_changed
  AFTER INSERT OR UPDATE ON response FOR EACH ROW EXECUTE FUNCTION analytics_on_response_write();

CREATE FUNCTION analytics_on_answers_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_refresh_response(id) FROM (SELECT DISTINCT response_id AS id FROM changed_rows ORDER BY 1) s;
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_answers_inserted AFTER INSERT ON answer
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_answers_write();
CREATE TRIGGER analytics_answers_updated AFTER UPDATE ON answer
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_answers_write();
CREATE TRIGGER analytics_answers_deleted AFTER DELETE ON answer
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_answers_write();

-- Before the row goes (cascades would remove the answers first): subtract what it added.
CREATE FUNCTION analytics_on_response_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_tally result_tally%ROWTYPE;
BEGIN
  SELECT * INTO old_tally FROM result_tally WHERE response_id = OLD.id FOR UPDATE;
  IF old_tally.response_id IS NOT NULL THEN
    PERFORM analytics_apply(OLD.survey_id, (
      SELECT jsonb_agg(jsonb_build_array(old_tally.cell_key, x->>0, x->>1, old_tally.breakdowns::text,
                       -(x->>2)::bigint, -(x->>3)::bigint, -(x->>4)::double precision, -(x->>5)::bigint))
      FROM jsonb_array_elements(old_tally.contributions) x));
    DELETE FROM result_tally WHERE response_id = OLD.id;
  END IF;
  PERFORM pg_notify('survey_results', OLD.survey_id::text);
  RETURN OLD;
END $$;

CREATE TRIGGER analytics_response_deleted
  BEFORE DELETE ON response FOR EACH ROW EXECUTE FUNCTION analytics_on_response_delete();

-- A deleted survey leaves no cells behind (the tables carry no foreign keys, so that the
-- response triggers above never race a cascade).
CREATE FUNCTION analytics_on_survey_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM result_cell WHERE survey_id = OLD.id;
  DELETE FROM result_tally WHERE survey_id = OLD.id;
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_survey_deleted
  AFTER DELETE ON survey FOR EACH ROW EXECUTE FUNCTION analytics_on_survey_delete();

-- Recomputes a surveys tallies and cells from its responses: after a bulk load with triggers
-- disabled (bench/), or to repair. Works in chunks so memory stays flat at a million responses.
CREATE FUNCTION analytics_rebuild(p_survey_id uuid, p_chunk int DEFAULT 20000)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  last_id uuid := '00000000-0000-0000-0000-000000000000';
  total bigint := 0;
BEGIN
  DELETE FROM result_cell WHERE survey_id = p_survey_id;
  DELETE FROM result_tally WHERE survey_id = p_survey_id;
  LOOP
    SELECT array_agg(id ORDER BY id) INTO ids
    FROM (SELECT id FROM response WHERE survey_id = p_survey_id AND id > last_id ORDER BY id LIMIT p_chunk) s;
    EXIT WHEN ids IS NULL;
    last_id := ids[array_length(ids, 1)];
    INSERT INTO result_tally (response_id, survey_id, cell_key, breakdowns, completed_at, contributions)
    SELECT r.id, r.survey_id, r.breakdowns::text, r.breakdowns, r.completed_at,
           jsonb_agg(jsonb_build_array(c.scope, c.metric, c.responses, c.mentions, c.value_sum, c.value_count)
                     ORDER BY c.scope, c.metric)
    FROM analytics_contributions(ids) c JOIN response r ON r.id = c.response_id
    GROUP BY r.id;
    total := total + array_length(ids, 1);
  END LOOP;
  INSERT INTO result_cell (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count)
  SELECT t.survey_id, x->>0, t.cell_key, x->>1, min(t.breakdowns::text)::jsonb,
         sum((x->>2)::bigint), sum((x->>3)::bigint), sum((x->>4)::double precision), sum((x->>5)::bigint)
  FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
  WHERE t.survey_id = p_survey_id
  GROUP BY t.survey_id, x->>0, t.cell_key, x->>1;
  RETURN total;
END $$;
