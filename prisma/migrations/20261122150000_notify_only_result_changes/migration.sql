-- Partial saves (autosave while a firm types) change no figure on any dashboard: refresh and
-- notify only for complete responses, and when a response stops being complete.
CREATE OR REPLACE FUNCTION analytics_on_response_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'complete' OR (TG_OP = 'UPDATE' AND OLD.status = 'complete') THEN
    PERFORM analytics_refresh_response(NEW.id);
    PERFORM pg_notify('survey_results', NEW.survey_id::text);
  END IF;
  RETURN NULL;
END $$;
