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

-- STABLE as its body (to_char) is, so that the planner inlines it: called per tally in a fold, a
-- function the planner cannot inline cost a third of a millisecond a call.
CREATE OR REPLACE FUNCTION analytics_total_key(p_id uuid, p_completed_at timestamp) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(to_char(p_completed_at, 'YYYY-MM-DD'), '') || analytics_stripe(p_id)
$$;

-- What one tally adds to the cells, one row per (cell, scope, metric): its breakdown cell and the
-- survey-total cell p_total_key (its day's stripe when folding, stripe #0 when rebuilding: stripes
-- only spread concurrent writers, reads add them up). An unweighted response (no weight yet)
-- adds nothing to the weighted sums. Plain SQL so that the planner inlines it into the set-based
-- statements of the fold, the rebuild and the weights (a function call per tally cost more than
-- the rest of a fold).
CREATE OR REPLACE FUNCTION analytics_tally_cells(p_cell_key text, p_breakdowns jsonb, p_contributions jsonb,
                                                 p_record_key integer, p_weight double precision, p_total_key text)
RETURNS TABLE (cell_key text, breakdowns text, scope text, metric text, responses bigint, mentions bigint,
               value_sum double precision, value_count bigint, key_sum bigint, mention_key_sum bigint,
               weight_sum double precision, weight_sq_sum double precision, mention_weight_sum double precision,
               weighted bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT k.cell_key, k.breakdowns, x->>0, x->>1, (x->>2)::bigint, (x->>3)::bigint, (x->>4)::double precision,
         (x->>5)::bigint, (x->>2)::bigint * p_record_key, (x->>3)::bigint * p_record_key,
         (x->>2)::bigint * COALESCE(p_weight, 0), (x->>2)::bigint * COALESCE(p_weight, 0) ^ 2,
         (x->>3)::bigint * COALESCE(p_weight, 0), (x->>2)::bigint * (p_weight IS NOT NULL)::int
  FROM (VALUES (p_cell_key, p_breakdowns::text), (p_total_key, '{}')) k(cell_key, breakdowns)
  CROSS JOIN jsonb_array_elements(p_contributions) x
$$;
