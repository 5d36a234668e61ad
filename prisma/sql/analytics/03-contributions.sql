-- What each response in p_ids adds to its survey's results, one row per (scope, metric):
--   scope all: delivered (complete), valid, screened (complete, not valid)
--   scope <level>, valid responses only, from answers joined to the version's metric_map:
--     base          the response answered an item of the level substantively
--     b:<base key>  it answered substantively an item carrying the base key (a factor's own base)
--     f:<factor>    flagged (1 or 0), mentions, value sum and count (ratings)
--     o:<option>    an unmapped substantive option such as none of these
-- Answers that are not substantive (a non-substantive option, or a rating on a non-substantive
-- point) count nowhere: the response leaves that item's base.
-- PL/pgSQL with a generic plan rather than SQL planned on every call: one runs for every write,
-- planning it cost twice its execution, and its plan does not depend on the ids (the responses'
-- own rows are read first, by their indexes).
CREATE OR REPLACE FUNCTION analytics_contributions(p_ids uuid[])
RETURNS TABLE (response_id uuid, scope text, metric text, responses bigint, mentions bigint, value_sum double precision, value_count bigint)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH resp AS MATERIALIZED (
    SELECT r.id, r.version_id, r.status = 'complete' AS complete, r.valid
    FROM response r WHERE r.id = ANY (p_ids)
  ),
  -- The responses' own answer rows first (by their index), whatever the planner knows of the tables.
  ans AS MATERIALIZED (
    SELECT a.response_id, a.question_code, COALESCE(a.option_code, '') AS answer_code, a.number_value, a.rank
    FROM answer a WHERE a.response_id = ANY (p_ids)
  ),
  answered AS (
    SELECT a.response_id, r.version_id, m.scope, m.item, m.metric, a.number_value,
           analytics_concern(m.concern_rule, m.top_n, m.threshold, a.rank, a.number_value) AS concern
    FROM ans a
    JOIN resp r ON r.id = a.response_id AND r.valid
    JOIN metric_map m ON m.version_id = r.version_id AND m.question_code = a.question_code
                     AND m.answer_code = a.answer_code
    WHERE m.substantive
      AND NOT (a.number_value IS NOT NULL AND a.number_value = ANY (COALESCE(m.non_substantive_values, ARRAY[]::double precision[])))
  ),
  bases AS (
    SELECT DISTINCT i.response_id, m.scope, m.base_key
    FROM (SELECT DISTINCT response_id, version_id, item FROM answered) i
    JOIN metric_map m ON m.version_id = i.version_id AND m.item = i.item AND m.base_key IS NOT NULL
  )
  SELECT id, 'all'::text, 'delivered'::text, 1::bigint, 0::bigint, 0::double precision, 0::bigint FROM resp WHERE complete
  UNION ALL SELECT id, 'all', 'valid', 1, 0, 0, 0 FROM resp WHERE valid
  UNION ALL SELECT id, 'all', 'screened', 1, 0, 0, 0 FROM resp WHERE complete AND NOT valid
  UNION ALL SELECT DISTINCT b.response_id, b.scope, 'base', 1::bigint, 0::bigint, 0::double precision, 0::bigint FROM bases b
  UNION ALL SELECT b.response_id, b.scope, 'b:' || b.base_key, 1, 0, 0, 0 FROM bases b
  UNION ALL
    SELECT x.response_id, x.scope, x.metric, max(x.concern::int)::bigint, count(*) FILTER (WHERE x.concern),
           COALESCE(sum(x.number_value), 0), count(x.number_value)
    FROM answered x WHERE x.metric IS NOT NULL GROUP BY x.response_id, x.scope, x.metric;
END $$;
