-- Record keys of the cell key method (docs/decisions/012-cell-key-perturbation.md): every response
-- gets a random integer in [0, analytics_key_range()) when it is stored, kept and never shown.
-- Cells keep the sum of their responses' keys next to their counts; the public figure of a count
-- is the count plus the noise its cell key (that sum modulo the range) picks from the
-- perturbation table (lib/analytics/disclosure.ts reads the range from here).
CREATE OR REPLACE FUNCTION analytics_key_range() RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT 65536
$$;

-- From the strong random source behind gen_random_uuid (random() is a per-session generator).
CREATE OR REPLACE FUNCTION analytics_new_record_key() RETURNS integer LANGUAGE sql VOLATILE AS $$
  SELECT (get_byte(b, 0) * 256 + get_byte(b, 1)) % analytics_key_range()
  FROM (SELECT uuid_send(gen_random_uuid()) AS b) s
$$;

-- Where a response's contributions land: its breakdown cell (cell key: its breakdowns as text)
-- and a survey-total cell per completion day, striped over eight rows by a hash of the response
-- id (cell key: YYYY-MM-DD#s), so that concurrent submissions rarely wait on one row and a date
-- range reads a few rows per day. Total cell keys sort before breakdown keys, which start with {.
CREATE OR REPLACE FUNCTION analytics_stripe(p_id uuid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '#' || (abs(hashtext(p_id::text)) % 8)::text
$$;

CREATE OR REPLACE FUNCTION analytics_total_key(p_id uuid, p_completed_at timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(to_char(p_completed_at, 'YYYY-MM-DD'), '') || analytics_stripe(p_id)
$$;

-- Each change is [cell_key, total_key, scope, metric, breakdowns, responses, mentions, value_sum,
-- value_count, key_sum, mention_key_sum, weight_sum, weight_sq_sum, mention_weight_sum, weighted]. Rows are
-- written in key order so that concurrent writers never deadlock.
-- PL/pgSQL so that the statement's plan is cached (it runs for every write).
CREATE OR REPLACE FUNCTION analytics_apply(p_survey_id uuid, p_changes jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO result_cell AS c (survey_id, scope, cell_key, metric, breakdowns, responses, mentions, value_sum,
                                value_count, key_sum, mention_key_sum, weight_sum, weight_sq_sum, mention_weight_sum,
                                weighted)
  SELECT p_survey_id, scope, cell_key, metric, min(breakdowns)::jsonb, sum(n), sum(m), sum(vs), sum(vc), sum(k), sum(mk),
         sum(w), sum(w2), sum(mw), sum(nw)
  FROM (
    SELECT x->>2 AS scope, x->>0 AS cell_key, x->>3 AS metric, x->>4 AS breakdowns,
           (x->>5)::bigint AS n, (x->>6)::bigint AS m, (x->>7)::double precision AS vs, (x->>8)::bigint AS vc,
           (x->>9)::bigint AS k, (x->>10)::bigint AS mk, COALESCE((x->>11)::double precision, 0) AS w,
           COALESCE((x->>12)::double precision, 0) AS w2, COALESCE((x->>13)::double precision, 0) AS mw,
           COALESCE((x->>14)::bigint, 0) AS nw
    FROM jsonb_array_elements(p_changes) x
    UNION ALL
    SELECT x->>2, x->>1, x->>3, '{}', (x->>5)::bigint, (x->>6)::bigint, (x->>7)::double precision, (x->>8)::bigint,
           (x->>9)::bigint, (x->>10)::bigint, COALESCE((x->>11)::double precision, 0),
           COALESCE((x->>12)::double precision, 0), COALESCE((x->>13)::double precision, 0),
           COALESCE((x->>14)::bigint, 0)
    FROM jsonb_array_elements(p_changes) x
  ) changes
  GROUP BY scope, cell_key, metric
  -- Key sums too: in a batch, one response leaving a cell and another entering it net to no count
  -- but do change the cell's key.
  HAVING sum(n) <> 0 OR sum(m) <> 0 OR sum(vs) <> 0 OR sum(vc) <> 0 OR sum(k) <> 0 OR sum(mk) <> 0 OR sum(w) <> 0
      OR sum(w2) <> 0 OR sum(mw) <> 0 OR sum(nw) <> 0
  ORDER BY scope, cell_key, metric
  ON CONFLICT (survey_id, scope, cell_key, metric) DO UPDATE
  SET responses = c.responses + excluded.responses, mentions = c.mentions + excluded.mentions,
      value_sum = c.value_sum + excluded.value_sum, value_count = c.value_count + excluded.value_count,
      key_sum = c.key_sum + excluded.key_sum, mention_key_sum = c.mention_key_sum + excluded.mention_key_sum,
      weight_sum = c.weight_sum + excluded.weight_sum, weight_sq_sum = c.weight_sq_sum + excluded.weight_sq_sum,
      mention_weight_sum = c.mention_weight_sum + excluded.mention_weight_sum, weighted = c.weighted + excluded.weighted;
END $$;

-- A tally's contributions as changes, added (p_sign 1) or taken away (p_sign -1). An unweighted
-- response (no weight yet) adds nothing to the weighted sums.
CREATE OR REPLACE FUNCTION analytics_changes(p_tally result_tally, p_sign int)
RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT COALESCE(jsonb_agg(jsonb_build_array(
           p_tally.cell_key, analytics_total_key(p_tally.response_id, p_tally.completed_at), x->>0, x->>1,
           p_tally.breakdowns::text, p_sign * (x->>2)::bigint, p_sign * (x->>3)::bigint,
           p_sign * (x->>4)::double precision, p_sign * (x->>5)::bigint,
           p_sign * (x->>2)::bigint * p_tally.record_key, p_sign * (x->>3)::bigint * p_tally.record_key,
           p_sign * (x->>2)::bigint * COALESCE(p_tally.weight, 0),
           p_sign * (x->>2)::bigint * COALESCE(p_tally.weight, 0) ^ 2,
           p_sign * (x->>3)::bigint * COALESCE(p_tally.weight, 0),
           p_sign * (x->>2)::bigint * (p_tally.weight IS NOT NULL)::int)), '[]'::jsonb)
  FROM jsonb_array_elements(p_tally.contributions) x);
END $$;
