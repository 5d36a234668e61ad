-- CreateEnum
CREATE TYPE "data_job_kind" AS ENUM ('export', 'import');

-- CreateEnum
CREATE TYPE "data_job_status" AS ENUM ('queued', 'running', 'done', 'failed', 'expired');

-- CreateTable
CREATE TABLE "data_job" (
    "id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "kind" "data_job_kind" NOT NULL,
    "status" "data_job_status" NOT NULL DEFAULT 'queued',
    "params" JSONB NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "result" JSONB,
    "file_name" TEXT,
    "content_type" TEXT,
    "file_bytes" BIGINT,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),

    CONSTRAINT "data_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_job_chunk" (
    "job_id" UUID NOT NULL,
    "part" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "data_job_chunk_pkey" PRIMARY KEY ("job_id","part","seq")
);

-- CreateIndex
CREATE INDEX "data_job_survey_id_created_at_idx" ON "data_job"("survey_id", "created_at");

-- CreateIndex
CREATE INDEX "data_job_status_expires_at_idx" ON "data_job"("status", "expires_at");

-- AddForeignKey
ALTER TABLE "data_job" ADD CONSTRAINT "data_job_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_job_chunk" ADD CONSTRAINT "data_job_chunk_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "data_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Files are stored as they are: xlsx is already compressed, and compressing the rest would cost
-- the worker more time than the disk it saves for files kept a day.
ALTER TABLE "data_job_chunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
