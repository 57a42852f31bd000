-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "aboutDepartment" TEXT,
ADD COLUMN     "aboutPerson" TEXT,
ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'staff',
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "trackToken" TEXT;

-- CreateTable
CREATE TABLE "VisitorMessage" (
    "id" SERIAL NOT NULL,
    "department" TEXT NOT NULL,
    "caseNo" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "toldUser" TEXT,
    "toldAt" TIMESTAMPTZ(3),

    CONSTRAINT "VisitorMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitorMessage_caseNo_key" ON "VisitorMessage"("caseNo");

-- CreateIndex
CREATE INDEX "VisitorMessage_toldAt_idx" ON "VisitorMessage"("toldAt");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_trackToken_key" ON "Complaint"("trackToken");
