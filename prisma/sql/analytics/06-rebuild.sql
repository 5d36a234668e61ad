-- Derives a survey's tallies and cells from scratch (bulk loads, repairs, a changed cell layout).
-- Day totals are written to stripe #0 of each day (later writes spread over the eight stripes,
-- reads add all of them).
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
  SELECT p_survey_id, x->>0, t.cell_key, x->>1, min(t.breakdowns::text)::jsonb,
         sum((x->>2)::bigint), sum((x->>3)::bigint), sum((x->>4)::double precision), sum((x->>5)::bigint)
  FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
  WHERE t.survey_id = p_survey_id
  GROUP BY x->>0, t.cell_key, x->>1;
  INSERT INTO result_cell (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count)
  SELECT p_survey_id, x->>0, COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), '') || '#0', x->>1, '{}'::jsonb,
         sum((x->>2)::bigint), sum((x->>3)::bigint), sum((x->>4)::double precision), sum((x->>5)::bigint)
  FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
  WHERE t.survey_id = p_survey_id
  GROUP BY x->>0, COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), ''), x->>1;
  RETURN total;
END $$;
