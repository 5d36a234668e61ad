-- Survey totals and responses per day, kept beside the breakdown cells (docs/decisions/004-result-cells.md).
-- An unfiltered dashboard then reads a few dozen rows instead of every breakdown cell. Totals are
-- striped over eight rows per metric (cell keys #0 to #7, by a hash of the response id), so that
-- concurrent submissions rarely wait on the same row. Day metrics (scope day) live only there.
-- Comments here avoid semicolons and quotes: the migration runner must not split inside them.

CREATE OR REPLACE FUNCTION analytics_contributions(p_ids uuid[])
RETURNS TABLE (response_id uuid, scope text, metric text, responses bigint, mentions bigint, value_sum double precision, value_count bigint)
LANGUAGE sql STABLE AS $$
  WITH resp AS (
    SELECT r.id, r.version_id, r.status = 'complete' AS complete,
           r.status = 'complete' AND r.screened_at IS NULL AS valid,
           to_char(r.completed_at, 'YYYY-MM-DD') AS day
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
  UNION ALL SELECT id, 'day', day || ':delivered', 1, 0, 0, 0 FROM resp WHERE complete AND day IS NOT NULL
  UNION ALL SELECT id, 'day', day || ':valid', 1, 0, 0, 0 FROM resp WHERE valid AND day IS NOT NULL
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

-- The total stripe a response counts in.
CREATE FUNCTION analytics_stripe(p_id uuid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '#' || (abs(hashtext(p_id::text)) % 8)::text
$$;

DROP FUNCTION analytics_apply(uuid, jsonb);

-- Each change is [cell_key, scope, metric, breakdowns, responses, mentions, value_sum, value_count].
-- It lands in its breakdown cell (day metrics excepted) and in the stripe total, in key order so
-- that concurrent writers lock rows in the same order and never deadlock.
CREATE FUNCTION analytics_apply(p_survey_id uuid, p_stripe text, p_changes jsonb)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count)
  SELECT p_survey_id, scope, cell_key, metric, min(breakdowns)::jsonb, sum(n), sum(m), sum(vs), sum(vc)
  FROM (
    SELECT x->>1 AS scope, x->>0 AS cell_key, x->>2 AS metric, x->>3 AS breakdowns,
           (x->>4)::bigint AS n, (x->>5)::bigint AS m, (x->>6)::double precision AS vs, (x->>7)::bigint AS vc
    FROM jsonb_array_elements(p_changes) x WHERE x->>1 <> 'day'
    UNION ALL
    SELECT x->>1, p_stripe, x->>2, '{}', (x->>4)::bigint, (x->>5)::bigint, (x->>6)::double precision, (x->>7)::bigint
    FROM jsonb_array_elements(p_changes) x
  ) changes
  GROUP BY scope, cell_key, metric
  HAVING sum(n) <> 0 OR sum(m) <> 0 OR sum(vs) <> 0 OR sum(vc) <> 0
  ORDER BY scope, cell_key, metric
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET responses = c.responses + excluded.responses, mentions = c.mentions + excluded.mentions,
      value_sum = c.value_sum + excluded.value_sum, value_count = c.value_count + excluded.value_count
$$;

CREATE OR REPLACE FUNCTION analytics_refresh_response(p_id uuid)
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
  PERFORM analytics_apply(COALESCE(r.survey_id, old.survey_id), analytics_stripe(p_id), changes);
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

CREATE OR REPLACE FUNCTION analytics_on_response_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_tally result_tally%ROWTYPE;
BEGIN
  SELECT * INTO old_tally FROM result_tally WHERE response_id = OLD.id FOR UPDATE;
  IF old_tally.response_id IS NOT NULL THEN
    PERFORM analytics_apply(OLD.survey_id, analytics_stripe(OLD.id), (
      SELECT jsonb_agg(jsonb_build_array(old_tally.cell_key, x->>0, x->>1, old_tally.breakdowns::text,
                       -(x->>2)::bigint, -(x->>3)::bigint, -(x->>4)::double precision, -(x->>5)::bigint))
      FROM jsonb_array_elements(old_tally.contributions) x));
    DELETE FROM result_tally WHERE response_id = OLD.id;
  END IF;
  PERFORM pg_notify('survey_results', OLD.survey_id::text);
  RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION analytics_rebuild(p_survey_id uuid, p_chunk int DEFAULT 20000)
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
  SELECT p_survey_id, x->>0, cell_key, x->>1, min(breakdowns)::jsonb,
         sum((x->>2)::bigint), sum((x->>3)::bigint), sum((x->>4)::double precision), sum((x->>5)::bigint)
  FROM (
    SELECT t.cell_key, t.breakdowns::text AS breakdowns, x FROM result_tally t
    CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
    WHERE t.survey_id = p_survey_id AND x->>0 <> 'day'
    UNION ALL
    SELECT analytics_stripe(t.response_id), '{}', x FROM result_tally t
    CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
    WHERE t.survey_id = p_survey_id
  ) s
  GROUP BY x->>0, cell_key, x->>1;
  RETURN total;
END $$;

-- Existing surveys get their totals and day counts.
SELECT analytics_rebuild(id) FROM survey;
