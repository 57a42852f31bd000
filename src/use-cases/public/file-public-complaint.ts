import { PUBLIC_ACTOR } from '../../domain/case/authorization.ts';
import type { ComplaintRecord } from '../../domain/complaint/complaint.ts';
import type { ComplaintForm } from '../../domain/public/public-forms.ts';
import { insertComplaint } from '../../db/complaint-repository.ts';
import { departmentNames } from '../../db/org-repository.ts';
import { renderComplaintToOffice } from '../../messages/complaint-replies.ts';
import { newNoticeToken } from '../../shared/notice-ref.ts';
import type { UseCaseContext } from '../context.ts';
import { complaintDueAt, complaintRecipient } from '../file-complaint.ts';

/** What a public submission runs with: no sender on the staff list, no inbound message. */
export type PublicContext = Pick<UseCaseContext, 'tx' | 'now' | 'calendar' | 'publicBaseUrl' | 'send'>;

/** The public tracking page of a complaint: its number and a random token (numbers are easy to guess). */
export function complaintTrackPath(c: Pick<ComplaintRecord, 'id' | 'trackToken'>): string {
  return `/complaints/${c.id}-${c.trackToken ?? ''}`;
}

const TRACK_REF = /^(\d{1,9})-([0-9a-f]{16})$/u;

export function parseComplaintTrackRef(ref: string): { id: number; token: string } | null {
  const m = TRACK_REF.exec(ref);
  return m?.[1] && m[2] ? { id: Number(m[1]), token: m[2] } : null;
}

/**
 * 效能投诉 from the public page (R2 §6: 群众通过效能投诉电话等渠道反映的问题): taken by the office like a
 * staff-filed complaint, answered within complaintAnswerDays working days; the answer shows on the
 * complainant's tracking page (they are not on WeCom).
 */
export async function filePublicComplaint(ctx: PublicContext, form: ComplaintForm): Promise<{ complaint: ComplaintRecord; trackPath: string }> {
  const trackToken = newNoticeToken();
  const { record } = await insertComplaint(ctx.tx, {
    complainant: PUBLIC_ACTOR,
    content: form.content,
    caseNo: null,
    at: ctx.now,
    dueAt: await complaintDueAt(ctx),
    sourceKey: `public-complaint:${trackToken}`,
    public: { aboutDepartment: form.department, aboutPerson: form.person, contactName: form.name, contactPhone: form.phone, trackToken },
  });
  const to = await complaintRecipient(ctx);
  if (to) {
    const departments = await departmentNames(ctx.tx);
    const content = renderComplaintToOffice(record, form.name, ctx.now, departments);
    ctx.send({ key: `complaint:${record.id}:office`, toUser: to, kind: 'text', payload: { content } });
  }
  return { complaint: record, trackPath: complaintTrackPath(record) };
}
