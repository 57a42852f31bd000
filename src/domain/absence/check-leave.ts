/**
 * 请假 (R7): whether a new absence may be stored. An absence ended early (销假) only counts up to
 * the moment it was ended, so a person may take leave again after coming back.
 */
export interface AbsencePeriod {
  id: number;
  from: Date;
  to: Date;
  endedAt: Date | null;
}

export type LeaveProblem = { code: 'in_past' } | { code: 'overlap'; with: AbsencePeriod };

/** The last instant an absence really covers: its end, or just before it was ended early. */
export function effectiveEnd(a: AbsencePeriod): Date {
  return a.endedAt !== null && a.endedAt < a.to ? new Date(a.endedAt.getTime() - 1) : a.to;
}

/** Every reason the leave `from`–`to` cannot be stored now (empty: it can). */
export function checkLeave(leave: { from: Date; to: Date }, existing: readonly AbsencePeriod[], now: Date): LeaveProblem[] {
  const problems: LeaveProblem[] = [];
  if (leave.to.getTime() < now.getTime()) problems.push({ code: 'in_past' });
  const clash = existing
    .filter((a) => effectiveEnd(a) >= a.from)
    .find((a) => a.from.getTime() <= leave.to.getTime() && effectiveEnd(a).getTime() >= leave.from.getTime());
  if (clash) problems.push({ code: 'overlap', with: clash });
  return problems;
}

/** Absences that are running at `now` or still to come (what 销假 ends). */
export function currentOrFuture<T extends AbsencePeriod>(absences: readonly T[], now: Date): T[] {
  return absences.filter((a) => a.to.getTime() >= now.getTime() && (a.endedAt === null || a.endedAt > now));
}
