-- Fixed-window request limits (lib/http/rate-limit.ts): counts one request for p_key in the
-- window starting at p_window_start and returns the window's count so far. The one-statement
-- store of a submission counts its request here too, in its own transaction.
CREATE OR REPLACE FUNCTION rate_limit_hit(p_key text, p_window_start timestamp)
RETURNS integer
LANGUAGE sql VOLATILE AS $$
  INSERT INTO rate_limit_bucket (key, window_start, count) VALUES (p_key, p_window_start, 1)
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_bucket.count + 1
  RETURNING count;
$$;
