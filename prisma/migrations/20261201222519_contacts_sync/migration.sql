-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "wecomId" INTEGER;

-- CreateTable
CREATE TABLE "StaffMembership" (
    "id" SERIAL NOT NULL,
    "userid" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3),

    CONSTRAINT "StaffMembership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffMembership_userid_from_idx" ON "StaffMembership"("userid", "from");

-- CreateIndex
CREATE UNIQUE INDEX "Department_wecomId_key" ON "Department"("wecomId");
