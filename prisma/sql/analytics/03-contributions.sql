-- What each response in p_ids adds to its survey's results, one row per (scope, metric):
--   scope all: delivered (complete), valid, screened (complete, not valid)
--   scope <level>, valid responses only, from answers joined to the version's metric_map:
--     base          the response answered an item of the level substantively
--     b:<base key>  it answered substantively an item carrying the base key (a factor's own base)
--     f:<factor>    flagged (1 or 0), mentions, value sum and count (ratings)
--     o:<option>    an unmapped substantive option such as none of these
-- Answers that are not substantive (a non-substantive option, or a rating on a non-substantive
-- point) count nowhere: the response leaves that item's base.
CREATE OR REPLACE FUNCTION analytics_contributions(p_ids uuid[])
RETURNS TABLE (response_id uuid, scope text, metric text, responses bigint, mentions bigint, value_sum double precision, value_count bigint)
LANGUAGE sql STABLE AS $$
  WITH resp AS (
    SELECT r.id, r.version_id, r.status = 'complete' AS complete, r.valid
    FROM response r WHERE r.id = ANY (p_ids)
  ),
  answered AS (
    SELECT a.response_id, r.version_id, m.scope, m.item, m.metric, a.number_value,
           analytics_concern(m.concern_rule, m.top_n, m.threshold, a.rank, a.number_value) AS concern
    FROM resp r
    JOIN answer a ON a.response_id = r.id
    JOIN metric_map m ON m.version_id = r.version_id AND m.question_code = a.question_code
                     AND m.answer_code = COALESCE(a.option_code, '')
    WHERE r.valid AND m.substantive
      AND NOT (a.number_value IS NOT NULL AND a.number_value = ANY (COALESCE(m.non_substantive_values, ARRAY[]::double precision[])))
  ),
  bases AS (
    SELECT DISTINCT i.response_id, m.scope, m.base_key
    FROM (SELECT DISTINCT response_id, version_id, item FROM answered) i
    JOIN metric_map m ON m.version_id = i.version_id AND m.item = i.item AND m.base_key IS NOT NULL
  )
  SELECT id, 'all', 'delivered', 1, 0, 0, 0 FROM resp WHERE complete
  UNION ALL SELECT id, 'all', 'valid', 1, 0, 0, 0 FROM resp WHERE valid
  UNION ALL SELECT id, 'all', 'screened', 1, 0, 0, 0 FROM resp WHERE complete AND NOT valid
  UNION ALL SELECT DISTINCT b.response_id, b.scope, 'base', 1::bigint, 0::bigint, 0::double precision, 0::bigint FROM bases b
  UNION ALL SELECT b.response_id, b.scope, 'b:' || b.base_key, 1, 0, 0, 0 FROM bases b
  UNION ALL
    SELECT x.response_id, x.scope, x.metric, max(x.concern::int), count(*) FILTER (WHERE x.concern),
           COALESCE(sum(x.number_value), 0), count(x.number_value)
    FROM answered x WHERE x.metric IS NOT NULL GROUP BY x.response_id, x.scope, x.metric
$$;
