import type { ComplaintRecord } from '../domain/complaint/complaint.ts';
import { chinaDateOf, endOfChinaDay } from '../domain/calendar/china-time.ts';
import { addWorkingDays } from '../domain/calendar/deadline.ts';
import { caseNoMentioned } from '../domain/complaint/mentions.ts';
import { DEFAULT_COMPLAINT_ANSWER_DAYS } from '../org/org-file.ts';
import { findCase } from '../db/case-repository.ts';
import { insertComplaint } from '../db/complaint-repository.ts';
import { coverFor } from '../db/coverage-repository.ts';
import { loadOffice, readOrgSettings } from '../db/org-repository.ts';
import { renderComplaintToOffice } from '../messages/complaint-replies.ts';
import type { UseCaseContext } from './context.ts';

export interface FileComplaintResult {
  complaint: ComplaintRecord;
  /** The case number the text mentions, found or not (the complaint links it only when found). */
  mentioned: number | null;
}

/**
 * 投诉 内容 (R2 §6, R8 §4): an efficiency complaint for the office, to be answered within the
 * configured number of working days (end of that day, China time). The office head, or whoever
 * covers for them, is told at once.
 */
export async function fileComplaint(ctx: UseCaseContext, content: string): Promise<FileComplaintResult> {
  const dueAt = await complaintDueAt(ctx);
  const mentioned = caseNoMentioned(content);
  const linked = mentioned !== null ? await findCase(ctx.tx, mentioned) : null;

  const { record, created } = await insertComplaint(ctx.tx, {
    complainant: ctx.actor.userid,
    content,
    caseNo: linked?.no ?? null,
    at: ctx.now,
    dueAt,
    sourceKey: ctx.sourceKey,
  });
  if (created) {
    const to = await complaintRecipient(ctx);
    if (to) {
      const content = renderComplaintToOffice(record, ctx.actor.name, ctx.now);
      ctx.send({ key: `complaint:${record.id}:office`, toUser: to, kind: 'text', payload: { content } });
    }
  }
  return { complaint: record, mentioned };
}

/** The answer is due by the end of the `complaintAnswerDays`-th working day (R2 §6), China time. */
export async function complaintDueAt(ctx: Pick<UseCaseContext, 'tx' | 'now' | 'calendar'>): Promise<Date> {
  const settings = await readOrgSettings(ctx.tx);
  const days = Number.isInteger(settings.complaintAnswerDays) && settings.complaintAnswerDays > 0 ? settings.complaintAnswerDays : DEFAULT_COMPLAINT_ANSWER_DAYS;
  return endOfChinaDay(addWorkingDays(ctx.calendar, chinaDateOf(ctx.now), days).date);
}

/** Who is told of a new complaint: the office head, or whoever covers them; the principal when the office has no head. */
export async function complaintRecipient(ctx: Pick<UseCaseContext, 'tx' | 'now'>): Promise<string | null> {
  const settings = await readOrgSettings(ctx.tx);
  const office = await loadOffice(ctx.tx);
  const head = office?.head ?? settings.principal;
  return head ? ((await coverFor(ctx.tx, head, ctx.now))?.userid ?? head) : null;
}
