-- CreateTable
CREATE TABLE "ActionCard" (
    "taskId" TEXT NOT NULL,
    "toUser" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "command" TEXT,
    "caseNo" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "usedKey" TEXT,

    CONSTRAINT "ActionCard_pkey" PRIMARY KEY ("taskId")
);
