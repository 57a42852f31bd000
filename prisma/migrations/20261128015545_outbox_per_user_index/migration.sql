-- CreateIndex
CREATE INDEX "OutboxMessage_toUser_sentAt_idx" ON "OutboxMessage"("toUser", "sentAt");
