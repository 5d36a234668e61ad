-- The one definition of a valid response: complete and not screened (DESIGN.md section 4).
-- Kept in response.valid by this trigger function, so that SQL and Prisma queries read one column.
CREATE OR REPLACE FUNCTION response_set_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.valid := NEW.status = 'complete' AND NEW.screened_at IS NULL;
  RETURN NEW;
END $$;
