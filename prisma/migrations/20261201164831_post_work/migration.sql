-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "classes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "services" JSONB NOT NULL DEFAULT '[]';
