/** Texts of 否定报备 (R6): the filing, the leader's decision, and the messages each person gets. */
import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import type { FollowUpRecord } from '../domain/case/deemed-approval.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import { deadlineLine } from './case-replies.ts';
import { formatDeadline, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

export function renderRefusalFiled(c: CaseRecord, f: RefusalFilingRecord, names: Names): string {
  return [
    `#${c.no} 的不予办理报备已送分管领导${nameOf(names, f.leader)}决定，决定前不得擅自答复当事人不予办理。`,
    `理由：${f.reason}`,
    '领导决定后会通知您。',
  ].join('\n');
}

/** The decider's own reply. */
export function renderDecisionReply(c: CaseRecord, f: RefusalFilingRecord, names: Names, now: Date): string {
  if (f.status === 'approved') {
    const due = f.noticeDueAt ? formatDeadline(f.noticeDueAt, now) : '';
    return `已同意 #${c.no} 不予办理。承办人须在 ${due} 前以书面形式告知当事人。`;
  }
  if (f.status === 'overturned') return `已对 #${c.no} 予以纠正，意见已发送承办人${nameOf(names, c.handler)}，事项恢复办理。`;
  return `已将 #${c.no} 上报主要负责人${nameOf(names, f.escalatedTo ?? '')}决定。`;
}

/** What the filer (and the handler, the leader after an escalation) hear of a decision. */
export function renderDecisionNotice(c: CaseRecord, f: RefusalFilingRecord, names: Names, now: Date, noticeLink: string | null = null): string {
  const who = nameOf(names, f.decidedBy ?? f.leader);
  if (f.status === 'approved') {
    const due = f.noticeDueAt ? formatDeadline(f.noticeDueAt, now) : '';
    const lines = [`【报备结果】${who}同意 #${c.no} 不予办理。请在 ${due} 前以书面形式告知当事人${c.applicant}不予办理的理由。`];
    if (noticeLink) lines.push(`不予受理告知书（可打印）：${noticeLink}`, `告知后请发送：告知 #${c.no} 告知方式`);
    return lines.join('\n');
  }
  if (f.status === 'overturned') {
    return [`【报备结果】${who}对 #${c.no} 予以纠正，请按以下意见继续办理：`, f.instruction ?? '', deadlineLine(c, now)].join('\n');
  }
  return `【报备结果】${who}已将 #${c.no} 上报主要负责人${nameOf(names, f.escalatedTo ?? '')}决定，请等待。`;
}

/** 首问负责制 §4: to the first responder of a referred case whose refusal was approved. */
export function renderRefusedToFirstResponder(c: CaseRecord, f: RefusalFilingRecord, names: Names): string {
  return `【不予办理】您首问的 #${c.no}（${c.applicant}：${c.matter.slice(0, 20)}）经${nameOf(names, f.decidedBy ?? f.leader)}同意不予办理，理由：${f.reason}。承办人${nameOf(names, c.handler)}将书面告知当事人。`;
}

export function renderAlreadyDecided(c: CaseRecord, f: RefusalFilingRecord, names: Names): string {
  const by = f.decidedBy ? nameOf(names, f.decidedBy) : '';
  const what = f.status === 'approved' ? '同意不予办理' : f.status === 'overturned' ? '予以纠正' : '不再需要决定（已逾期视为同意）';
  return `#${c.no} 的报备已处理：${by}${what}。无需再次决定。`;
}

export function renderNoFiling(no: number): string {
  return `#${no} 没有不予办理报备，无需决定。`;
}

/** The handler's reply to 告知 #no. */
export function renderNoticeGiven(c: CaseRecord, f: RefusalFilingRecord, now: Date): string {
  const inTime = f.noticeDueAt === null || now <= f.noticeDueAt ? '，在期限内' : '，已超过 7 日期限';
  return `已登记：#${c.no} 的不予办理已书面告知当事人${c.applicant}${inTime}。相关提醒不再发送。`;
}

/** The handler's reply to 告知 #no on a deemed approval (R3 §5). */
export function renderDeemedNoticeGiven(c: CaseRecord, f: FollowUpRecord, now: Date): string {
  const inTime = now <= f.dueAt ? '，在期限内' : '，已超过告知期限';
  return `已登记：#${c.no} 视为同意的结果已书面告知当事人${c.applicant}${inTime}。相关提醒不再发送。`;
}
