-- CreateTable
CREATE TABLE "result_tally" (
    "response_id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "cell_key" TEXT NOT NULL,
    "breakdowns" JSONB NOT NULL,
    "completed_at" TIMESTAMP(3),
    "contributions" JSONB NOT NULL,

    CONSTRAINT "result_tally_pkey" PRIMARY KEY ("response_id")
);

-- CreateTable
CREATE TABLE "result_cell" (
    "survey_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "cell_key" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "breakdowns" JSONB NOT NULL,
    "responses" BIGINT NOT NULL DEFAULT 0,
    "mentions" BIGINT NOT NULL DEFAULT 0,
    "value_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "value_count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "result_cell_pkey" PRIMARY KEY ("survey_id","scope","cell_key","metric")
);

-- CreateIndex
CREATE INDEX "result_tally_survey_id_completed_at_idx" ON "result_tally"("survey_id", "completed_at");
