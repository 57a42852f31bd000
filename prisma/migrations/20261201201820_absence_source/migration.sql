-- AlterTable
ALTER TABLE "Absence" ADD COLUMN     "source" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Absence_source_key" ON "Absence"("source");
