-- analytics_rebuild writes survey totals from the breakdown cells it has just summed, all into
-- stripe #0 (later writes spread over the eight stripes, reads add all of them), and reads the
-- tallies a second time only for the day counts. At a million responses that halves the work.
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
  WHERE t.survey_id = p_survey_id AND x->>0 <> 'day'
  GROUP BY x->>0, t.cell_key, x->>1;
  INSERT INTO result_cell (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count)
  SELECT p_survey_id, scope, '#0', metric, '{}'::jsonb, sum(responses), sum(mentions), sum(value_sum), sum(value_count)
  FROM result_cell
  WHERE survey_id = p_survey_id AND left(cell_key, 1) <> '#'
  GROUP BY scope, metric;
  INSERT INTO result_cell (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum, value_count)
  SELECT p_survey_id, 'day', '#0', x->>1, '{}'::jsonb, sum((x->>2)::bigint), 0, 0, 0
  FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
  WHERE t.survey_id = p_survey_id AND x->>0 = 'day'
  GROUP BY x->>1;
  RETURN total;
END $$;
