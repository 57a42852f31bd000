-- CreateTable
CREATE TABLE "KeyTask" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "leadLeader" TEXT,
    "department" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "partners" JSONB NOT NULL DEFAULT '[]',
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "lastReportAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KeyTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyTaskMilestone" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "due" TIMESTAMPTZ(3) NOT NULL,
    "target" TEXT NOT NULL,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "KeyTaskMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyTaskEvent" (
    "id" BIGSERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "KeyTaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeyTask_owner_idx" ON "KeyTask"("owner");

-- CreateIndex
CREATE INDEX "KeyTask_department_idx" ON "KeyTask"("department");

-- CreateIndex
CREATE INDEX "KeyTask_doneAt_idx" ON "KeyTask"("doneAt");

-- CreateIndex
CREATE INDEX "KeyTask_deadline_idx" ON "KeyTask"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "KeyTask_year_seq_key" ON "KeyTask"("year", "seq");

-- CreateIndex
CREATE INDEX "KeyTaskMilestone_due_idx" ON "KeyTaskMilestone"("due");

-- CreateIndex
CREATE UNIQUE INDEX "KeyTaskMilestone_taskId_position_key" ON "KeyTaskMilestone"("taskId", "position");

-- CreateIndex
CREATE INDEX "KeyTaskEvent_taskId_id_idx" ON "KeyTaskEvent"("taskId", "id");

-- CreateIndex
CREATE INDEX "KeyTaskEvent_action_at_idx" ON "KeyTaskEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "KeyTaskMilestone" ADD CONSTRAINT "KeyTaskMilestone_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "KeyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyTaskEvent" ADD CONSTRAINT "KeyTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "KeyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;
