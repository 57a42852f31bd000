/** R8 (责任追究制): the violations the bot records for the office to decide on. */
export type AccountabilityKind = 'overdue' | 'deemed_approval' | 'second_round_materials' | 'complaint_upheld' | 'shirked_referral';

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
