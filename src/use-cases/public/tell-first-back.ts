import { SYSTEM_ACTOR } from '../../domain/case/authorization.ts';
import { isActive } from '../../domain/case/case.ts';
import { appendEvent, findCase, updateCase } from '../../db/case-repository.ts';
import { awayAt, coverFor } from '../../db/coverage-repository.ts';
import { findDepartmentByKey, listActiveStaff, staffNames } from '../../db/org-repository.ts';
import { markVisitorMessageTold, type VisitorMessageRecord } from '../../db/visitor-message-repository.ts';
import { renderVisitorMessageNotice } from '../../messages/public-replies.ts';
import type { UseCaseContext } from '../context.ts';

/**
 * R7 §6 (部室工作人员回来后，要及时与来访人联系): the first of the department at work hears of a 留言卡
 * message, once. Whoever can act for the case's handler is told; when nobody can (the whole
 * department was out), the case goes to the first one back, recorded as `assigned_on_return`.
 * Returns whether someone was told.
 */
export async function tellFirstBack(ctx: Pick<UseCaseContext, 'tx' | 'now' | 'send'>, m: VisitorMessageRecord): Promise<boolean> {
  const c = await findCase(ctx.tx, m.caseNo);
  // Already handled (someone finished or transferred it meanwhile): nobody needs telling any more.
  if (!c || !isActive(c.status)) return (await markVisitorMessageTold(ctx.tx, m.id, null, ctx.now)) && false;
  let to = (await coverFor(ctx.tx, c.handler, ctx.now))?.userid ?? null;
  let current = c;
  if (!to) {
    const dept = await findDepartmentByKey(ctx.tx, m.department);
    const members = [...new Set([...(await listActiveStaff(ctx.tx)).filter((s) => s.department === m.department).map((s) => s.userid), ...(dept?.head ? [dept.head] : [])])];
    const away = await awayAt(ctx.tx, members, ctx.now);
    to = members.find((u) => !away.has(u)) ?? null;
    if (!to) return false;
    current = await updateCase(ctx.tx, c, { handler: to });
    await appendEvent(ctx.tx, c.no, { at: ctx.now, actor: SYSTEM_ACTOR, action: 'assigned_on_return', detail: { from: c.handler, to, department: m.department } });
  }
  if (!(await markVisitorMessageTold(ctx.tx, m.id, to, ctx.now))) return false;
  const names = await staffNames(ctx.tx, [current.handler]);
  ctx.send({ key: `visitor:${m.id}:told:${to}`, toUser: to, kind: 'text', payload: { content: renderVisitorMessageNotice(current, m.createdAt, to === current.handler, names, ctx.now) } });
  return true;
}
