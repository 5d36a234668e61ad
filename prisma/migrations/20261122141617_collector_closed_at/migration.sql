-- AlterTable
ALTER TABLE "collector" ADD COLUMN     "closed_at" TIMESTAMP(3);
