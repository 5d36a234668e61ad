-- The survey's settings revision (Survey.settingsRevision): one more on every change of the
-- survey's row, its open-link collectors or its quotas, whatever wrote it (the triggers name
-- which collectors: paper and invitation collectors do not change what a submission by open
-- link checks, and a long import that adds one must not hold the survey's row). App servers cache a survey's
-- submission settings (lib/responses/public-survey.ts); response_store_new_complete stores only
-- when the cached copy is of the current revision.
CREATE OR REPLACE FUNCTION survey_settings_changed()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'survey' THEN
    NEW.settings_revision := OLD.settings_revision + 1;
    RETURN NEW;
  END IF;
  UPDATE survey SET settings_revision = settings_revision
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.survey_id ELSE NEW.survey_id END;
  RETURN NULL;
END
$$;
