-- CreateTable
CREATE TABLE "WebSignInState" (
    "state" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebSignInState_pkey" PRIMARY KEY ("state")
);

-- CreateIndex
CREATE INDEX "Case_department_status_dueAt_idx" ON "Case"("department", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Case_receivedAt_idx" ON "Case"("receivedAt");
