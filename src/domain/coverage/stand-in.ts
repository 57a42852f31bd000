/**
 * 顶岗 (AB岗 §4: AB 岗均缺位的，部室负责人应主动顶岗或安排他人顶岗; 岗位责任制 §3): a stand-in the head
 * names for a period covers the department's absent people whose B is away too, in the head's place.
 */
import { effectiveEnd } from '../absence/check-leave.ts';

export interface StandInRecord {
  id: number;
  department: string;
  userid: string;
  from: Date;
  to: Date;
  createdBy: string;
  createdAt: Date;
  endedAt: Date | null;
}

export type StandInProblem =
  | { code: 'self' }
  | { code: 'in_past' }
  | { code: 'overlap'; with: StandInRecord }
  | { code: 'stand_in_away'; userid: string };

/** Every reason the stand-in cannot be named (empty: it can). */
export function checkStandIn(
  s: { userid: string; from: Date; to: Date; head: string },
  existing: readonly StandInRecord[],
  standInAway: boolean,
  now: Date,
): StandInProblem[] {
  const problems: StandInProblem[] = [];
  if (s.userid === s.head) problems.push({ code: 'self' });
  if (s.to.getTime() < now.getTime()) problems.push({ code: 'in_past' });
  const clash = existing.find((x) => x.from.getTime() <= s.to.getTime() && effectiveEnd(x).getTime() >= s.from.getTime() && effectiveEnd(x) >= x.from);
  if (clash) problems.push({ code: 'overlap', with: clash });
  if (standInAway) problems.push({ code: 'stand_in_away', userid: s.userid });
  return problems;
}
