-- AlterTable
ALTER TABLE "RefusalFiling" ADD COLUMN     "noticeLateAt" TIMESTAMPTZ(3),
ADD COLUMN     "undecidedAt" TIMESTAMPTZ(3);
