-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "RefusalFiling" ADD COLUMN     "noticeToken" TEXT;
