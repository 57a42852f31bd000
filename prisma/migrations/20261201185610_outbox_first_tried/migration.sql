-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "firstTriedAt" TIMESTAMPTZ(3);
