-- AlterTable
ALTER TABLE "survey" ADD COLUMN     "embed_origins" TEXT[] DEFAULT ARRAY[]::TEXT[];
