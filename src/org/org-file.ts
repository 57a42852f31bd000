/**
 * The organization file (docs/CONTRACT.md, "Organization file (YAML)"): who works where, who covers for
 * whom (AB岗) and which services the unit promises (服务承诺). This module is the typed model only;
 * parsing and validation live in parse-org-file.ts so that consumers need not import YAML or zod.
 */
import type { EvaluationSchemeInput } from '../domain/evaluation/scheme.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';

export interface Department {
  /** Short stable key referenced by staff, posts and services (e.g. `kpb`). */
  key: string;
  name: string;
  /** 部室负责人 (userid): covers when both A and B of a post are away (R7). */
  head?: string;
  /** 分管领导 (userid): decides refusal filings of this department (R6). */
  leader?: string;
  /** Extension: the department's contact phone, printed on the notices the public gets. */
  phone?: string;
  /** Extension: the WeCom department id; with WECOM_CONTACTS_SYNC=on its members belong here. */
  wecomId?: number;
}

export interface Staff {
  /** WeCom userid, see WECOM_USERID_PATTERN. */
  userid: string;
  name: string;
  /** Department key. */
  department: string;
}

/** An AB post (R7): A holds it, B covers when A is away. */
export interface Post {
  /** Department key. */
  department: string;
  name: string;
  /** userid of the A holder. */
  a: string;
  /** userid of the B holder; a post without a backup is allowed but is a gap the office should see. */
  b?: string;
  /** Extension: codes of the catalog services this post handles (a transfer to the department routes by them). */
  services?: string[];
  /** Extension: the time-limit classes this post handles, for cases without a service. */
  classes?: TimeLimitClass[];
}

/** One entry of the service-commitment catalog (R2). */
export interface Service {
  /** Public code such as `KP-01`. */
  code: string;
  name: string;
  /** Department key. */
  department: string;
  class: TimeLimitClass;
  /** 依据: the law or document the service rests on. */
  basis: string;
  /** 程序, e.g. `提交材料 → 受理审核 → 反馈`. */
  procedure: string;
  /** The full list of required materials (R5 tells the applicant all of them at once). */
  materials: string[];
  /** Extension: a limit set by law or regulation, in working days. */
  statutoryDays?: number;
  /** Extension: the unit's promised limit in working days; never longer than statutoryDays (R3). */
  promisedDays?: number;
}

/** Extension: the key-task table's settings (R9 §1, 重点工作任务分解表). */
export interface KeyTaskSettings {
  /** The monthly progress-report day (进展报告日), 1–31; a day a month lacks is its last day. */
  reportDay: number;
}

export interface OrgFile {
  unit: string;
  /** 主要负责人 (userid). */
  principal: string;
  /** Key of the department that is the office (办公室). */
  office: string;
  /** Extension: working days within which an efficiency complaint must be answered (R2, R8). */
  complaintAnswerDays: number;
  /** Extension: key tasks; absent means the defaults (report day 25). */
  keyTasks: KeyTaskSettings;
  departments: Department[];
  /** Who works where; with WECOM_CONTACTS_SYNC=on WeCom says so instead, and this list may be empty. */
  staff: Staff[];
  posts: Post[];
  services: Service[];
  /** Extension: the evaluation scheme (效能考评制); what it leaves out keeps the defaults. */
  evaluation?: EvaluationSchemeInput;
}

/** The regulation says "规定的工作日内" without a number; five is the unit's usual promise. */
export const DEFAULT_COMPLAINT_ANSWER_DAYS = 5;

/**
 * WeCom's userid rule: 1–64 characters of letters, digits and `_ - . @`, starting with a letter or
 * digit. WeCom compares userids case-insensitively, so uniqueness checks must too.
 */
export const WECOM_USERID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

/** `warnings`: accepted, but worth the operator's attention (each located like an error). */
export type ParseOrgFileResult = { ok: true; org: OrgFile; warnings: string[] } | { ok: false; errors: string[] };
