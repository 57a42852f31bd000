import type { AbsencePeriod } from './check-leave.ts';

/** A registered absence (请假, R7): while it runs, the B holder covers. */
export interface AbsenceRecord extends AbsencePeriod {
  userid: string;
  reason: string | null;
}
