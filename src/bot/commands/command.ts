import type { Channel } from '../../domain/case/case.ts';
import type { TimeLimitClass } from '../../domain/time-limit-class.ts';

/** Every command staff can type, by its internal name (CONTRACT.md, "Commands"). */
export const COMMAND_TYPES = [
  'help',
  'register',
  'finish',
  'transfer',
  'referOut',
  'requestMaterials',
  'materialsComplete',
  'refuse',
  'urgent',
  'leave',
  'endLeave',
  'todo',
  'show',
  'complain',
  'guide',
  'approve',
  'overturn',
  'escalate',
  'noticeGiven',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

export type { Channel };

/**
 * 类别 of 登记: one of the six time-limit words, or a service code or name that the caller
 * resolves against the catalog (the parser cannot know the catalog).
 */
export type RegisterCategory = { kind: 'class'; cls: TimeLimitClass } | { kind: 'service'; ref: string };

/** One missing material of 补正: a name as typed, or a 1-based position in the service's list. */
export type MaterialItem = { name: string } | { index: number };

export interface HelpCommand {
  type: 'help';
}

export interface RegisterCommand {
  type: 'register';
  channel: Channel;
  category: RegisterCategory;
  applicant: string;
  phone?: string;
  matter: string;
  /**
   * From `期限 …`. Always set for class `internal`. For a service category it is passed through
   * when given: only the caller knows whether that service is internal and may take it.
   */
  internalDueAt?: Date;
}

export interface FinishCommand {
  type: 'finish';
  caseNo: number;
  result: string;
}

export interface TransferCommand {
  type: 'transfer';
  caseNo: number;
  /** A person's name or userid, or a department name, as typed (NFKC, without a leading @). */
  target: string;
  /** Anything typed after the target, e.g. a handover remark. */
  note?: string;
}

export interface ReferOutCommand {
  type: 'referOut';
  caseNo: number;
  competentBody: string;
  explanation: string;
}

export type RequestMaterialsCommand =
  | { type: 'requestMaterials'; caseNo: number; all: true }
  | { type: 'requestMaterials'; caseNo: number; all: false; materials: MaterialItem[] };

export interface MaterialsCompleteCommand {
  type: 'materialsComplete';
  caseNo: number;
  note?: string;
}

export interface RefuseCommand {
  type: 'refuse';
  caseNo: number;
  reason: string;
}

export interface UrgentCommand {
  type: 'urgent';
  caseNo: number;
  note: string;
}

export interface LeaveCommand {
  type: 'leave';
  from: Date;
  to: Date;
  reason?: string;
}

export interface EndLeaveCommand {
  type: 'endLeave';
}

export interface TodoCommand {
  type: 'todo';
}

export interface ShowCommand {
  type: 'show';
  caseNo: number;
}

export interface ComplainCommand {
  type: 'complain';
  content: string;
}

export interface GuideCommand {
  type: 'guide';
  query: string;
}

export interface ApproveCommand {
  type: 'approve';
  caseNo: number;
  note?: string;
}

export interface OverturnCommand {
  type: 'overturn';
  caseNo: number;
  instruction: string;
}

export interface EscalateCommand {
  type: 'escalate';
  caseNo: number;
  note?: string;
}

/** Extension: 告知 #no 方式 — the written notice of an approved refusal was given (R6 §3, within 7 days). */
export interface NoticeGivenCommand {
  type: 'noticeGiven';
  caseNo: number;
  how: string;
}

/**
 * Extension for the office (R8 §4), not in CONTRACT.md's table and so not in COMMAND_TYPES:
 * 答复投诉 编号 属实|不属实 答复内容.
 */
export interface AnswerComplaintCommand {
  type: 'answerComplaint';
  complaintId: number;
  upheld: boolean;
  answer: string;
}

export type Command =
  | HelpCommand
  | RegisterCommand
  | FinishCommand
  | TransferCommand
  | ReferOutCommand
  | RequestMaterialsCommand
  | MaterialsCompleteCommand
  | RefuseCommand
  | UrgentCommand
  | LeaveCommand
  | EndLeaveCommand
  | TodoCommand
  | ShowCommand
  | ComplainCommand
  | GuideCommand
  | ApproveCommand
  | NoticeGivenCommand
  | OverturnCommand
  | EscalateCommand
  | AnswerComplaintCommand;
