-- AlterTable
ALTER TABLE "RefusalFiling" ADD COLUMN     "noticeGivenAt" TIMESTAMPTZ(3);
