-- A published questionnaire version never changes (DESIGN.md §2, docs/decisions/002): answers are
-- interpreted against it. The database refuses any UPDATE, whatever code path attempts it.
-- Deleting stays possible only through the questionnaire's cascade (the organization removing it).
CREATE FUNCTION questionnaire_version_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'questionnaire version % is published and cannot be changed', OLD.number
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER questionnaire_version_no_update
BEFORE UPDATE ON questionnaire_version
FOR EACH ROW EXECUTE FUNCTION questionnaire_version_immutable();
