-- AlterTable
ALTER TABLE "response" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;
