-- CreateIndex
CREATE INDEX "CaseOutcome_at_department_onTime_idx" ON "CaseOutcome"("at", "department", "onTime");
