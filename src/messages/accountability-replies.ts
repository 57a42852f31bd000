/** What the office, the person concerned and their head hear about accountability records (R8). */
import type { AccountabilityKind, AccountabilityRecordView, RecordDecision } from '../domain/accountability/accountability-record.ts';
import type { RecordReason } from '../domain/accountability/record-decision.ts';
import { fitList } from './fit-bytes.ts';
import { formatDeadline, formatInstant, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

export const KIND_ZH: Record<AccountabilityKind, string> = {
  overdue: '超期办结',
  deemed_approval: '请示逾期视为同意',
  second_round_materials: '未一次性告知（再次补正）',
  complaint_upheld: '效能投诉属实',
  shirked_referral: '推诿（多次转办、退回）',
  late_written_notice: '未按期书面告知',
  refusal_undecided: '否定报备逾期未决定',
  key_task_late: '重点工作任务逾期',
  dissatisfied: '回访不满意',
  rectification_late: '整改逾期',
};

export const DECISION_ZH: Record<RecordDecision, string> = {
  criticism: '批评教育',
  public_criticism: '通报批评',
  written_warning: '书面告诫',
  admonition: '诫勉谈话',
  no_action: '不予追究',
};

const DECIDE_HINT = '处理 编号 批评教育|通报批评|书面告诫|诫勉谈话|不予追究 [说明]';

/** "记录 12：超期办结 #5（11月28日 10:05）". */
export function recordLine(r: Pick<AccountabilityRecordView, 'id' | 'kind' | 'caseNo' | 'at'>): string {
  return `记录 ${r.id}：${KIND_ZH[r.kind]}${r.caseNo !== null ? ` #${r.caseNo}` : ''}（${formatInstant(r.at)}）`;
}

/** To the person concerned, when records about them are made: what, and until when they may explain. */
export function renderRecordNotice(records: readonly AccountabilityRecordView[], dueAt: Date, now: Date): string {
  const head = [`【效能记录】您有 ${records.length} 条新的效能记录，办公室将据此认定：`];
  const tail = [`如有情况需要说明，请在 ${formatDeadline(dueAt, now)}前发送“申辩 编号 说明”，办公室认定时会一并看到。`];
  return fitList(head, records.map(recordLine), tail, (n) => `……另有 ${n} 条。`);
}

export function renderRecordNotFound(id: number): string {
  return `未找到编号为 ${id} 的效能记录，请核对编号。`;
}

/** The answer to 处理 that decided. */
export function renderRecordDecided(r: AccountabilityRecordView, person: string | null, told: string[], names: Names): string {
  const lines = [`已认定${recordLine(r)}：${DECISION_ZH[r.decision ?? 'no_action']}。`];
  if (person) lines.push(`责任人：${nameOf(names, person)}`);
  if (r.statement) lines.push(`当事人申辩：${r.statement}`);
  if (told.length > 0) lines.push(`已告知：${told.map((u) => nameOf(names, u)).join('、')}。`);
  return lines.join('\n');
}

/** To the person concerned and their head, once the office decided. */
export function renderDecisionNotice(r: AccountabilityRecordView, person: string | null, names: Names, forHead: boolean): string {
  const who = person ? nameOf(names, person) : '';
  const lines = [
    forHead ? `【效能记录认定】本部门${who}的${recordLine(r)}，办公室认定：${DECISION_ZH[r.decision ?? 'no_action']}。` : `【效能记录认定】您的${recordLine(r)}，办公室认定：${DECISION_ZH[r.decision ?? 'no_action']}。`,
  ];
  if (r.decisionNote) lines.push(`说明：${r.decisionNote}`);
  if (r.decision !== 'no_action') lines.push(forHead ? '请督促整改。' : '请认真整改，如有疑问请联系办公室。');
  return lines.join('\n');
}

export function renderStatementTaken(r: AccountabilityRecordView): string {
  return `已收到您对${recordLine(r)}的申辩，办公室认定时会一并看到。`;
}

/** Why 处理 or 申辩 changed nothing: every reason at once. */
export function renderRecordRejected(r: AccountabilityRecordView, reasons: readonly RecordReason[], names: Names, now: Date): string {
  const lines = reasons.map((x, i) => `${i + 1}. ${reasonLine(x, names, now)}`);
  return [`${recordLine(r)} 未作更改，原因如下：`, ...lines].join('\n');
}

function reasonLine(r: RecordReason, names: Names, now: Date): string {
  switch (r.code) {
    case 'already_decided':
      return `已由${r.by ? nameOf(names, r.by) : '办公室'}认定为“${DECISION_ZH[r.decision]}”，不能再次处理或申辩。`;
    case 'not_person_concerned':
      return r.person ? `只有当事人${nameOf(names, r.person)}可以申辩。` : '这条记录尚未认定责任人，暂不能申辩。';
    case 'statement_given':
      return `您已于 ${formatInstant(r.at)} 申辩，每条记录申辩一次。`;
    case 'statement_late':
      return `申辩期限已于 ${formatDeadline(r.dueAt, now)}截止。`;
    case 'statement_window_open':
      return `当事人${nameOf(names, r.person)}的申辩期至 ${formatDeadline(r.dueAt, now)}，期满或其申辩后再认定；“不予追究”可随时认定。`;
    case 'person_needed':
      return `这条记录没有具体责任人，请写明：${DECIDE_HINT.replace(' [说明]', '')} 责任人 姓名。`;
  }
}

/** Names someone as 责任人 that the roster does not know, or knows twice. */
export function renderUnknownResponsible(ref: string, candidates: readonly string[]): string {
  return candidates.length > 1
    ? `“${ref}”有 ${candidates.length} 位同名人员，请改写账号：${candidates.join('、')}。`
    : `本单位没有名为“${ref}”的工作人员，请核对责任人姓名。`;
}


