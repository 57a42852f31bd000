-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" SERIAL NOT NULL,
    "caseNo" INTEGER NOT NULL,
    "requester" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "leader" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "oldDueAt" TIMESTAMPTZ(3) NOT NULL,
    "newDueAt" TIMESTAMPTZ(3),
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "taskId" TEXT,
    "responseCode" TEXT,
    "responseCodeAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExtensionRequest_taskId_key" ON "ExtensionRequest"("taskId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_caseNo_idx" ON "ExtensionRequest"("caseNo");

-- CreateIndex
CREATE INDEX "ExtensionRequest_status_idx" ON "ExtensionRequest"("status");
