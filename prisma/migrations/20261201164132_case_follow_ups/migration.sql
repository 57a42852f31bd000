-- CreateTable
CREATE TABLE "CaseFollowUp" (
    "id" SERIAL NOT NULL,
    "caseNo" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "doneBy" TEXT,

    CONSTRAINT "CaseFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseFollowUp_doneAt_dueAt_idx" ON "CaseFollowUp"("doneAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFollowUp_caseNo_kind_key" ON "CaseFollowUp"("caseNo", "kind");
