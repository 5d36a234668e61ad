-- Whether one answer row flags its metric, by the rule compiled into its metric_map row:
-- chosen (any selected option), top_n (ranked within the first N), at_least (a rating at or
-- above the threshold).
CREATE OR REPLACE FUNCTION analytics_concern(p_rule text, p_top_n int, p_threshold double precision, p_rank int, p_value double precision)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_rule
    WHEN 'chosen' THEN true
    WHEN 'top_n' THEN p_rank IS NOT NULL AND p_rank <= p_top_n
    WHEN 'at_least' THEN p_value IS NOT NULL AND p_value >= p_threshold
    ELSE false
  END
$$;
