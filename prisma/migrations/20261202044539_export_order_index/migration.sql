-- CreateIndex
CREATE INDEX "response_survey_id_started_at_id_idx" ON "response"("survey_id", "started_at", "id");
