/** R8 (责任追究制): the violations the bot records for the office to decide on. */
export type AccountabilityKind =
  | 'overdue'
  | 'deemed_approval'
  | 'second_round_materials'
  | 'complaint_upheld'
  | 'shirked_referral'
  /** A key task's milestone or deadline passed undone (R9 §1); subject the owner, department the 责任部室. */
  | 'key_task_late';

export interface NewAccountabilityRecord {
  /** Unique per violation, e.g. `overdue:12`: the same violation is recorded once, however often it is seen. */
  key: string;
  at: Date;
  kind: AccountabilityKind;
  /** The person accountable (userid), or the department key when the unit is (deemed approval). */
  subject: string;
  department?: string | null;
  caseNo?: number | null;
  complaintId?: number | null;
  detail?: Record<string, unknown>;
}
