-- AlterTable
ALTER TABLE "AccountabilityRecord" ADD COLUMN     "decisionNote" TEXT,
ADD COLUMN     "notifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "person" TEXT,
ADD COLUMN     "statement" TEXT,
ADD COLUMN     "statementAt" TIMESTAMPTZ(3),
ADD COLUMN     "statementDueAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CaseOutcome" (
    "caseNo" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "class" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "pausedMs" BIGINT NOT NULL DEFAULT 0,
    "onTime" BOOLEAN NOT NULL,
    "overdueDays" INTEGER NOT NULL DEFAULT 0,
    "immediate" BOOLEAN NOT NULL DEFAULT false,
    "credited" TEXT NOT NULL,
    "creditedDepartment" TEXT NOT NULL,
    "coveredFor" TEXT,
    "handler" TEXT NOT NULL,
    "department" TEXT NOT NULL,

    CONSTRAINT "CaseOutcome_pkey" PRIMARY KEY ("caseNo")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "period" TEXT NOT NULL,
    "frozenAt" TIMESTAMPTZ(3) NOT NULL,
    "frozenBy" TEXT NOT NULL,
    "result" JSONB NOT NULL,

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("period")
);

-- CreateTable
CREATE TABLE "CaseRating" (
    "caseNo" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "note" TEXT,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "person" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "rectifyDueAt" TIMESTAMPTZ(3),
    "rectifiedAt" TIMESTAMPTZ(3),
    "rectifiedNote" TEXT,

    CONSTRAINT "CaseRating_pkey" PRIMARY KEY ("caseNo")
);

-- CreateIndex
CREATE INDEX "CaseOutcome_at_idx" ON "CaseOutcome"("at");

-- CreateIndex
CREATE INDEX "CaseRating_at_idx" ON "CaseRating"("at");

-- CreateIndex
CREATE INDEX "CaseRating_rectifyDueAt_idx" ON "CaseRating"("rectifyDueAt");

-- CreateIndex
CREATE INDEX "AccountabilityRecord_at_idx" ON "AccountabilityRecord"("at");

-- CreateIndex
CREATE INDEX "AccountabilityRecord_notifiedAt_idx" ON "AccountabilityRecord"("notifiedAt");
