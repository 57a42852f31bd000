/** R8 (责任追究制): the violations the bot records for the office to decide on. */
export type AccountabilityKind =
  | 'overdue'
  | 'deemed_approval'
  | 'second_round_materials'
  | 'complaint_upheld'
  | 'shirked_referral'
  /** 否定报备 §3: the written notice of an approved refusal was not given within its 7 days. */
  | 'late_written_notice'
  /** 否定报备 §4: a refusal filing left undecided past the case deadline, against the deciding leader. */
  | 'refusal_undecided';

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
