-- A survey's new weights (response_weight, written by the weighting job) carried into its tallies
-- and cells, in the job's transaction and under the fold lock, once the survey's noted changes
-- are folded: each tally takes its response's weight, then every cell's
-- weighted sums are set from the tallies, the day totals into stripe #0 (as the rebuild does).
-- Counts are not touched, so submissions arriving meanwhile go on adding to them; a response
-- stored after the weights were computed has none and adds nothing to the weighted sums until
-- the next computation (which its arrival queues).
CREATE OR REPLACE FUNCTION analytics_apply_weights(p_survey_id uuid)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_fold(p_survey_id, 2147483647);
  PERFORM pg_advisory_xact_lock(analytics_fold_lock());
  UPDATE result_tally t SET weight = w.weight
  FROM result_tally t0 LEFT JOIN response_weight w ON w.response_id = t0.response_id
  WHERE t.response_id = t0.response_id AND t0.survey_id = p_survey_id AND t.weight IS DISTINCT FROM w.weight;

  UPDATE result_cell SET weight_sum = 0, weight_sq_sum = 0, mention_weight_sum = 0, weighted = 0
  WHERE survey_id = p_survey_id AND (weight_sum <> 0 OR weight_sq_sum <> 0 OR mention_weight_sum <> 0 OR weighted <> 0);

  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, weight_sum, weight_sq_sum,
                                mention_weight_sum, weighted)
  SELECT p_survey_id, x.scope, x.cell_key, x.metric, min(x.breakdowns)::jsonb, sum(x.weight_sum),
         sum(x.weight_sq_sum), sum(x.mention_weight_sum), sum(x.weighted)
  FROM result_tally t
  CROSS JOIN LATERAL analytics_tally_cells(t.cell_key, t.breakdowns, t.contributions, t.record_key, t.weight,
                                          COALESCE(to_char(t.completed_at, 'YYYY-MM-DD'), '') || '#0') x
  WHERE t.survey_id = p_survey_id AND t.weight IS NOT NULL
  GROUP BY x.scope, x.cell_key, x.metric
  HAVING sum(x.weight_sum) <> 0 OR sum(x.mention_weight_sum) <> 0
  ORDER BY 2, 3, 4
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET weight_sum = excluded.weight_sum, weight_sq_sum = excluded.weight_sq_sum,
      mention_weight_sum = excluded.mention_weight_sum, weighted = excluded.weighted;
END $$;
