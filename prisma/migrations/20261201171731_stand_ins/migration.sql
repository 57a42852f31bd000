-- CreateTable
CREATE TABLE "StandIn" (
    "id" SERIAL NOT NULL,
    "department" TEXT NOT NULL,
    "userid" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StandIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StandIn_department_from_to_idx" ON "StandIn"("department", "from", "to");
