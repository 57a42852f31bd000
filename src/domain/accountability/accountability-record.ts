/** R8 (责任追究制): the violations the bot records for the office to decide on. */
export const ACCOUNTABILITY_KINDS = [
  'overdue',
  'deemed_approval',
  'second_round_materials',
  'complaint_upheld',
  'shirked_referral',
  // 否定报备 §3: the written notice of an approved refusal not given within 7 days.
  'late_written_notice',
  // 否定报备 §4: a refusal filing left undecided past the case deadline (against the deciding leader).
  'refusal_undecided',
  // 效能考评制 §1: a key task's milestone or deadline passed undone.
  'key_task_late',
  // 回访: the applicant rated the case 不满意 or worse (the office may decide 不予追究 if unfair).
  'dissatisfied',
  // 回访: the rectification after a dissatisfied rating not done in time.
  'rectification_late',
] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

/**
 * The office's decisions on a record (责任追究制 §3, 岗位责任制 §5): 批评教育 for a light case;
 * 通报批评 or 书面告诫 for a serious one; 诫勉谈话; or 不予追究 (no accountability: the record then
 * counts for nothing).
 */
export const RECORD_DECISIONS = ['criticism', 'public_criticism', 'written_warning', 'admonition', 'no_action'] as const;
export type RecordDecision = (typeof RECORD_DECISIONS)[number];

/** A record as stored, with what the person concerned said and what the office decided. */
export interface AccountabilityRecordView {
  id: number;
  at: Date;
  kind: AccountabilityKind;
  subject: string;
  department: string | null;
  person: string | null;
  caseNo: number | null;
  complaintId: number | null;
  detail: Record<string, unknown>;
  notifiedAt: Date | null;
  statementDueAt: Date | null;
  statement: string | null;
  statementAt: Date | null;
  decision: RecordDecision | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** Who answers for a case at a moment: the handler, or whoever covered for the absent handler (AB岗 §4). */
export interface Responsible {
  person: string;
  /** The absent handler, when `person` covered for them. */
  coveredFor: string | null;
}

export interface NewAccountabilityRecord {
  /** Unique per violation, e.g. `overdue:12`: the same violation is recorded once, however often it is seen. */
  key: string;
  at: Date;
  kind: AccountabilityKind;
  /** The person accountable (userid), or the department key when the unit is (deemed approval). */
  subject: string;
  department?: string | null;
  /**
   * The person concerned, for the evaluation of people and for 申辩: who was to act (the handler, or
   * whoever covered for them). Null when the office still has to name one (an upheld complaint about nobody in particular).
   */
  person?: string | null;
  caseNo?: number | null;
  complaintId?: number | null;
  detail?: Record<string, unknown>;
}
