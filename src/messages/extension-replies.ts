/** Texts of 延期 (R3): the request, the leader's decision, and the notices each person gets. */
import type { CaseRecord } from '../domain/case/case.ts';
import type { ExtensionRecord } from '../domain/case/extension.ts';
import { formatDeadline, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

export function renderExtensionRequested(c: CaseRecord, e: ExtensionRecord, names: Names, now: Date): string {
  return [
    `已将 #${c.no} 延期 ${e.days} 个工作日的申请送分管领导${nameOf(names, e.leader)}决定。`,
    `理由：${e.reason}`,
    `决定前仍按原期限（${formatDeadline(e.oldDueAt, now)}）办理；领导决定后会通知您。`,
  ].join('\n');
}

/** The leader's own reply. */
export function renderExtensionDecisionReply(c: CaseRecord, e: ExtensionRecord, names: Names, now: Date): string {
  if (e.status === 'approved' && e.newDueAt) return `已同意 #${c.no} 延期 ${e.days} 个工作日，办理期限改为 ${formatDeadline(e.newDueAt, now)}前。已通知承办人${nameOf(names, c.handler)}。`;
  return `已不同意 #${c.no} 延期，已通知${nameOf(names, e.requester)}按原期限（${formatDeadline(e.oldDueAt, now)}）办结。`;
}

/** To the handler, the B holder, the first responder and the requester: the deadline has moved. */
export function renderExtensionApprovedNotice(c: CaseRecord, e: ExtensionRecord, names: Names, now: Date): string {
  return [
    `【延期】${nameOf(names, e.decidedBy ?? e.leader)}同意 #${c.no} 延期 ${e.days} 个工作日，办理期限由 ${formatDeadline(e.oldDueAt, now)} 改为 ${formatDeadline(e.newDueAt ?? e.oldDueAt, now)}前。`,
    `当事人：${c.applicant}；事由：${c.matter}；承办人：${nameOf(names, c.handler)}`,
  ].join('\n');
}

export function renderExtensionRefusedNotice(c: CaseRecord, e: ExtensionRecord, names: Names, now: Date): string {
  return [
    `【延期】${nameOf(names, e.decidedBy ?? e.leader)}不同意 #${c.no} 延期${e.note ? `：${e.note}` : '。'}`,
    `请在原期限（${formatDeadline(e.oldDueAt, now)}）前办结。`,
  ].join('\n');
}

export function renderNoPendingExtension(no: number): string {
  return `#${no} 没有待决定的延期申请，无需决定。`;
}

export function renderExtensionAlreadyDecided(c: CaseRecord, e: ExtensionRecord, names: Names): string {
  return `#${c.no} 的延期申请已处理：${nameOf(names, e.decidedBy ?? '')}${e.status === 'approved' ? '同意延期' : '不同意延期'}。无需再次决定。`;
}

/** Why the card has nothing left to decide. */
export const EXTENSION_CLOSED = {
  deadlinePassed: '办理期限已过，延期申请不再需要决定，事项按超期处理。',
  notOpen: '事项已不在办理中，延期申请不再需要决定。',
} as const;

/** A click by someone other than the card's addressee. */
export function renderNotYourExtensionCard(no: number, leader: string, names: Names): string {
  return `#${no} 的延期申请是请${nameOf(names, leader)}决定的，您的操作未生效。`;
}

/** A click on a request no longer open. */
export function renderExtensionNoLongerOpen(no: number, e: ExtensionRecord, names: Names): string {
  if (e.status === 'pending') return `#${no} 的延期申请已无需决定，您的操作未生效。`;
  return `#${no} 的延期申请已由${nameOf(names, e.decidedBy ?? '')}${e.status === 'approved' ? '同意' : '不同意'}，您的操作未生效。`;
}
