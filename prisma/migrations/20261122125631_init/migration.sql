-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'researcher', 'viewer');

-- CreateEnum
CREATE TYPE "FactorLevel" AS ENUM ('macro', 'middle', 'micro');

-- CreateEnum
CREATE TYPE "CollectorKind" AS ENUM ('link', 'invitation', 'paper');

-- CreateEnum
CREATE TYPE "ResponseStatus" AS ENUM ('partial', 'complete');

-- CreateEnum
CREATE TYPE "ScreeningRule" AS ENUM ('too_fast', 'duplicate_firm', 'consistency', 'manual');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "factor" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "level" "FactorLevel" NOT NULL,
    "label_zh" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "factor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "draft" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire_version" (
    "id" UUID NOT NULL,
    "questionnaire_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID,

    CONSTRAINT "questionnaire_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "default_locale" TEXT NOT NULL DEFAULT 'zh',
    "opens_at" TIMESTAMP(3),
    "closes_at" TIMESTAMP(3),
    "min_completion_seconds" INTEGER,
    "small_cell_threshold" INTEGER NOT NULL DEFAULT 10,
    "public_dashboard" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collector" (
    "id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "kind" "CollectorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation_token" (
    "id" UUID NOT NULL,
    "collector_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "firm_name" TEXT NOT NULL,
    "contact" TEXT,
    "firm_identifier" TEXT,
    "used_at" TIMESTAMP(3),
    "response_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota" (
    "id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "question_code" TEXT NOT NULL,
    "option_code" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,

    CONSTRAINT "quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response" (
    "id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "collector_id" UUID,
    "submission_id" UUID NOT NULL,
    "status" "ResponseStatus" NOT NULL,
    "locale" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "breakdowns" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT NOT NULL,
    "firm_identifier" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),
    "duration_seconds" INTEGER,
    "screened_rule" "ScreeningRule",
    "screened_reason" TEXT,
    "screened_at" TIMESTAMP(3),
    "screened_by_id" UUID,

    CONSTRAINT "response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer" (
    "id" BIGSERIAL NOT NULL,
    "response_id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    "question_code" TEXT NOT NULL,
    "option_code" TEXT,
    "number_value" DOUBLE PRECISION,
    "text_value" TEXT,
    "rank" INTEGER,
    "factor_code" TEXT,
    "concern" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "membership_user_id_idx" ON "membership"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_organization_id_user_id_key" ON "membership"("organization_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "factor_organization_id_code_key" ON "factor"("organization_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_organization_id_code_key" ON "questionnaire"("organization_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_version_questionnaire_id_number_key" ON "questionnaire_version"("questionnaire_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "survey_slug_key" ON "survey"("slug");

-- CreateIndex
CREATE INDEX "survey_organization_id_idx" ON "survey"("organization_id");

-- CreateIndex
CREATE INDEX "collector_survey_id_idx" ON "collector"("survey_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_token_hash_key" ON "invitation_token"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_response_id_key" ON "invitation_token"("response_id");

-- CreateIndex
CREATE INDEX "invitation_token_collector_id_idx" ON "invitation_token"("collector_id");

-- CreateIndex
CREATE UNIQUE INDEX "quota_survey_id_question_code_option_code_key" ON "quota"("survey_id", "question_code", "option_code");

-- CreateIndex
CREATE INDEX "response_survey_id_status_completed_at_idx" ON "response"("survey_id", "status", "completed_at");

-- CreateIndex
CREATE INDEX "response_survey_id_firm_identifier_idx" ON "response"("survey_id", "firm_identifier");

-- CreateIndex
CREATE UNIQUE INDEX "response_survey_id_submission_id_key" ON "response"("survey_id", "submission_id");

-- CreateIndex
CREATE INDEX "answer_response_id_idx" ON "answer"("response_id");

-- CreateIndex
CREATE INDEX "answer_survey_id_question_code_option_code_idx" ON "answer"("survey_id", "question_code", "option_code");

-- CreateIndex
CREATE INDEX "answer_survey_id_factor_code_idx" ON "answer"("survey_id", "factor_code");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE INDEX "audit_event_organization_id_created_at_idx" ON "audit_event"("organization_id", "created_at");

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "factor" ADD CONSTRAINT "factor_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_version" ADD CONSTRAINT "questionnaire_version_questionnaire_id_fkey" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey" ADD CONSTRAINT "survey_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey" ADD CONSTRAINT "survey_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "questionnaire_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collector" ADD CONSTRAINT "collector_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_token" ADD CONSTRAINT "invitation_token_collector_id_fkey" FOREIGN KEY ("collector_id") REFERENCES "collector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_token" ADD CONSTRAINT "invitation_token_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota" ADD CONSTRAINT "quota_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_collector_id_fkey" FOREIGN KEY ("collector_id") REFERENCES "collector"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
