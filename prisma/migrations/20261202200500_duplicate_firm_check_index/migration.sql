-- Whether another complete response of this survey has this firm (the duplicate-firm screening
-- rule, DESIGN.md §2). Serialized per firm by an advisory lock held to the end of the caller's
-- transaction, so two concurrent responses of one firm see each other. The check runs after the
-- lock in its own statement: a VOLATILE function's statements each take a fresh snapshot, while a
-- single statement's snapshot predates the wait for the lock. The status is compared as text so
-- that only the (survey, firm) index can serve the check: a planner without statistics (a new
-- survey, or autovacuum off) otherwise took the (survey, status) index as often and read every
-- complete response of the survey, 40 ms per submission at 30,000 responses (BENCHMARKS.md).
CREATE OR REPLACE FUNCTION response_duplicates_firm(p_survey_id uuid, p_firm text, p_self_id uuid)
RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_firm IS NULL THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_survey_id::text || ':' || p_firm, 0));
  RETURN EXISTS (
    SELECT 1 FROM response
    WHERE survey_id = p_survey_id AND firm_identifier = p_firm AND status::text = 'complete'
      AND id IS DISTINCT FROM p_self_id);
END
$$;
