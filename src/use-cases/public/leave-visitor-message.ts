import { PUBLIC_ACTOR } from '../../domain/case/authorization.ts';
import type { CaseRecord } from '../../domain/case/case.ts';
import { dueFrom } from '../../domain/case/due.ts';
import { postForCase } from '../../domain/org/route-case.ts';
import type { VisitorForm } from '../../domain/public/public-forms.ts';
import { appendEvent, insertCase } from '../../db/case-repository.ts';
import { coverFor } from '../../db/coverage-repository.ts';
import { findDepartmentByKey, listActiveStaff, listPostsOf } from '../../db/org-repository.ts';
import { insertVisitorMessage } from '../../db/visitor-message-repository.ts';
import { newNoticeToken } from '../../shared/notice-ref.ts';
import type { PublicContext } from './file-public-complaint.ts';

export type VisitorMessageResult = { kind: 'left'; case: CaseRecord } | { kind: 'no_department' } | { kind: 'nobody' };

/**
 * 留言卡 (R7 §6: 整个部室工作人员都外出时，必须把留言卡挂在办公室的外墙上): a visitor's message becomes a
 * case of the department, queued with whoever is responsible (the post for consultations, else the
 * head, or whoever covers them). Whoever of the department is at work first is told
 * (src/jobs/visitor-messages-job.ts); the regulation asks them to contact the visitor promptly.
 */
export async function leaveVisitorMessage(ctx: PublicContext, departmentKey: string, form: VisitorForm): Promise<VisitorMessageResult> {
  const dept = await findDepartmentByKey(ctx.tx, departmentKey);
  if (!dept) return { kind: 'no_department' };
  const posts = await listPostsOf(ctx.tx, dept.key);
  const members = (await listActiveStaff(ctx.tx)).filter((s) => s.department === dept.key);
  const responsible = postForCase(posts, { serviceCode: null, cls: 'consultation' })?.a ?? dept.head ?? members[0]?.userid ?? null;
  if (!responsible) return { kind: 'nobody' };
  const handler = (await coverFor(ctx.tx, responsible, ctx.now))?.userid ?? responsible;
  // A visitor's message is a request like any other: answered (or at least called back) within 3 working days.
  const due = dueFrom('consultation', null, ctx.now, ctx.calendar);
  const { record } = await insertCase(ctx.tx, {
    status: 'OPEN',
    cls: 'consultation',
    channel: 'in_person',
    applicant: form.name,
    phone: form.phone,
    matter: form.content,
    serviceCode: null,
    department: dept.key,
    firstResponder: PUBLIC_ACTOR,
    handler,
    receivedAt: ctx.now,
    dueAt: due.dueAt,
    dueProvisional: due.provisional,
    sourceKey: `visitor:${newNoticeToken()}`,
  });
  await appendEvent(ctx.tx, record.no, {
    at: ctx.now,
    actor: PUBLIC_ACTOR,
    action: 'registered',
    detail: { class: 'consultation', channel: 'in_person', via: 'message_card', service: null, dueAt: due.dueAt?.toISOString() ?? null, provisional: due.provisional, calendar: ctx.calendar.version },
  });
  await insertVisitorMessage(ctx.tx, { department: dept.key, caseNo: record.no, at: ctx.now });
  return { kind: 'left', case: record };
}
