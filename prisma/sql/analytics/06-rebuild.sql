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
