import { isPersonId } from '../domain/case/authorization.ts';
import type { ComplaintRecord } from '../domain/complaint/complaint.ts';
import { personNamed } from '../domain/complaint/mentions.ts';
import { recordAccountability } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { findComplaint, storeAnswer } from '../db/complaint-repository.ts';
import { listAllStaff, loadOffice } from '../db/org-repository.ts';
import { renderAnswerToComplainant } from '../messages/complaint-replies.ts';
import type { UseCaseContext } from './context.ts';

export type AnswerComplaintResult =
  | { kind: 'answered'; complaint: ComplaintRecord; subject: string; subjectName: string | null; recorded: boolean }
  | { kind: 'not_office' }
  | { kind: 'not_found'; id: number }
  | { kind: 'already'; complaint: ComplaintRecord };

/** Who an upheld complaint is about: the linked case's handler, else the one person it names, else unknown. */
export const UNKNOWN_SUBJECT = 'unknown';

/**
 * 答复投诉 编号 属实|不属实 答复内容 (R8 §4, extension): the office answers a complaint once. An upheld
 * complaint becomes an accountability record (R2 §7); the complainant gets the answer.
 */
export async function answerComplaint(ctx: UseCaseContext, input: { id: number; upheld: boolean; answer: string }): Promise<AnswerComplaintResult> {
  const office = await loadOffice(ctx.tx);
  const complaint = await findComplaint(ctx.tx, input.id);
  const linked = complaint?.caseNo ? await findCase(ctx.tx, complaint.caseNo) : null;
  // R8 §4: only the office answers complaints (the command checks it too; this guards every other caller).
  if (!office?.members.includes(ctx.actor.userid)) return { kind: 'not_office' };
  if (!complaint) return { kind: 'not_found', id: input.id };
  if (complaint.status !== 'OPEN') return { kind: 'already', complaint };

  const answered = { answer: input.answer, answeredBy: ctx.actor.userid, answeredAt: ctx.now, upheld: input.upheld };
  if (!(await storeAnswer(ctx.tx, complaint.id, answered))) return { kind: 'already', complaint: (await findComplaint(ctx.tx, complaint.id)) ?? complaint };
  const after: ComplaintRecord = { ...complaint, ...answered, status: 'ANSWERED' };

  let subject = UNKNOWN_SUBJECT;
  let subjectName: string | null = null;
  let recorded = false;
  if (input.upheld) {
    const staff = await listAllStaff(ctx.tx);
    const person = linked ? (staff.find((s) => s.userid === linked.handler) ?? null) : personNamed([complaint.aboutPerson, complaint.content].filter(Boolean).join(' '), staff);
    subject = linked?.handler ?? person?.userid ?? UNKNOWN_SUBJECT;
    subjectName = subject === UNKNOWN_SUBJECT ? null : (person?.name ?? subject);
    recorded = await recordAccountability(ctx.tx, {
      key: `complaint_upheld:${complaint.id}`,
      at: ctx.now,
      kind: 'complaint_upheld',
      subject,
      person: subject === UNKNOWN_SUBJECT ? null : subject,
      department: person?.department ?? linked?.department ?? complaint.aboutDepartment ?? null,
      caseNo: complaint.caseNo,
      complaintId: complaint.id,
      detail: { content: complaint.content, answer: input.answer, answeredBy: ctx.actor.userid, late: ctx.now > complaint.dueAt },
    });
  }
  // The public read the answer on their tracking page (/complaints/:ref); staff get it in WeCom.
  if (isPersonId(complaint.complainant)) {
    ctx.send({ key: `complaint:${complaint.id}:answer`, toUser: complaint.complainant, kind: 'text', payload: { content: renderAnswerToComplainant(after) } });
  }
  return { kind: 'answered', complaint: after, subject, subjectName, recorded };
}
