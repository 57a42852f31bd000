/** An efficiency complaint (效能投诉, R2 §6, R8 §4) and the office's answer. */
export type ComplaintStatus = 'OPEN' | 'ANSWERED';

export interface ComplaintRecord {
  id: number;
  complainant: string;
  content: string;
  caseNo: number | null;
  at: Date;
  dueAt: Date;
  status: ComplaintStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  upheld: boolean | null;
  /** staff: 投诉 by a member of staff; public: the public complaint page (complainant PUBLIC_ACTOR). */
  channel: ComplaintChannel;
  aboutDepartment: string | null;
  aboutPerson: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Random part of the public tracking link. */
  trackToken: string | null;
}

export type ComplaintChannel = 'staff' | 'public';
