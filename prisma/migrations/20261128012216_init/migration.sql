-- CreateTable
CREATE TABLE "InboxMessage" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromUser" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "InboxMessage_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "toUser" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notBefore" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMPTZ(3),
    "claimedBy" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "gaveUpAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "result" JSONB,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "OrgSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Department" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "head" TEXT,
    "leader" TEXT,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Staff" (
    "userid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("userid")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "department" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "a" TEXT NOT NULL,
    "b" TEXT,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    "materials" JSONB NOT NULL,
    "statutoryDays" INTEGER,
    "promisedDays" INTEGER,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "OrgChange" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reported" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OrgChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "no" SERIAL NOT NULL,
    "status" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "applicant" TEXT NOT NULL,
    "phone" TEXT,
    "matter" TEXT NOT NULL,
    "serviceCode" TEXT,
    "department" TEXT NOT NULL,
    "firstResponder" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "pausedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "result" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Case_pkey" PRIMARY KEY ("no")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseNo" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialsNotice" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "caseNo" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "basis" TEXT,
    "procedure" TEXT,
    "timeLimit" TEXT,
    "fulfilledAt" TIMESTAMPTZ(3),

    CONSTRAINT "MaterialsNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefusalFiling" (
    "id" SERIAL NOT NULL,
    "caseNo" INTEGER NOT NULL,
    "filer" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "leader" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "escalatedTo" TEXT,
    "escalatedAt" TIMESTAMPTZ(3),
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decision" TEXT,
    "instruction" TEXT,
    "noticeDueAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RefusalFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Card" (
    "taskId" TEXT NOT NULL,
    "filingId" INTEGER NOT NULL,
    "toUser" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "responseCode" TEXT,
    "responseCodeAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Card_pkey" PRIMARY KEY ("taskId")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" SERIAL NOT NULL,
    "userid" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "complainant" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "caseNo" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "upheld" BOOLEAN,
    "sourceKey" TEXT NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountabilityRecord" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "department" TEXT,
    "caseNo" INTEGER,
    "complaintId" INTEGER,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "decision" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccountabilityRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "key" TEXT NOT NULL,
    "caseNo" INTEGER,
    "kind" TEXT NOT NULL,
    "toUser" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "InboxMessage_processedAt_receivedAt_idx" ON "InboxMessage"("processedAt", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_gaveUpAt_notBefore_idx" ON "OutboxMessage"("sentAt", "gaveUpAt", "notBefore");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE INDEX "Staff_name_idx" ON "Staff"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Post_department_name_key" ON "Post"("department", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Service_name_key" ON "Service"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Case_sourceKey_key" ON "Case"("sourceKey");

-- CreateIndex
CREATE INDEX "Case_handler_status_idx" ON "Case"("handler", "status");

-- CreateIndex
CREATE INDEX "Case_status_dueAt_idx" ON "Case"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Case_firstResponder_status_idx" ON "Case"("firstResponder", "status");

-- CreateIndex
CREATE INDEX "CaseEvent_caseNo_id_idx" ON "CaseEvent"("caseNo", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialsNotice_number_key" ON "MaterialsNotice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialsNotice_caseNo_round_key" ON "MaterialsNotice"("caseNo", "round");

-- CreateIndex
CREATE INDEX "RefusalFiling_caseNo_idx" ON "RefusalFiling"("caseNo");

-- CreateIndex
CREATE INDEX "RefusalFiling_status_idx" ON "RefusalFiling"("status");

-- CreateIndex
CREATE INDEX "Card_filingId_idx" ON "Card"("filingId");

-- CreateIndex
CREATE INDEX "Absence_userid_from_to_idx" ON "Absence"("userid", "from", "to");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_sourceKey_key" ON "Complaint"("sourceKey");

-- CreateIndex
CREATE INDEX "Complaint_status_dueAt_idx" ON "Complaint"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccountabilityRecord_key_key" ON "AccountabilityRecord"("key");

-- CreateIndex
CREATE INDEX "AccountabilityRecord_kind_at_idx" ON "AccountabilityRecord"("kind", "at");

-- CreateIndex
CREATE INDEX "ReminderSent_caseNo_idx" ON "ReminderSent"("caseNo");

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("no") ON DELETE RESTRICT ON UPDATE CASCADE;
