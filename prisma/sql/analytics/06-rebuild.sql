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
