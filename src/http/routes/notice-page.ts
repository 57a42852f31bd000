import type { Db } from '../../db/transaction.ts';
import { timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import type Router from '@koa/router';
import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import { findCase } from '../../db/case-repository.ts';
import { findNotice } from '../../db/materials-notice-repository.ts';
import { findActiveStaff, findDepartmentByKey, findService, loadOffice, readOrgSettings, staffNames } from '../../db/org-repository.ts';
import { findFiling } from '../../db/refusal-filing-repository.ts';
import { parseNoticeRef, parseRefusalNoticeRef, refusalNoticeNumber } from '../../shared/notice-ref.ts';
import { NOTICE_NOT_FOUND, renderNoticeHtml } from '../../messages/pages/notice-page-html.ts';
import { REFUSAL_NOTICE_NOT_FOUND, renderRefusalNoticeHtml } from '../../messages/pages/refusal-notice-html.ts';

/**
 * The printable notices the applicant gets, public (the applicant has no account), so each link
 * carries a random token; a wrong token answers as if there were no notice:
 * GET /notices/:ref, the 一次性告知书 (R5 §6), and GET /refusal-notices/:ref, the 不予受理告知书 (R6 §3).
 */
export function registerNoticePage(router: Router, deps: { db: Db; publicBaseUrl: string }): void {
  router.get('/notices/:ref', async (ctx) => {
    const ref = parseNoticeRef(ctx.params.ref ?? '');
    const notice = ref ? await findNotice(deps.db, ref.number) : null;
    const c = notice ? await findCase(deps.db, notice.caseNo) : null;
    if (!ref || !notice || !c || !sameToken(notice.items.token, ref.token)) return notFound(ctx, NOTICE_NOT_FOUND);
    const settings = await readOrgSettings(deps.db);
    const contact = await contactOf(deps.db, notice.actor, c.department);
    privateHtml(ctx);
    ctx.body = renderNoticeHtml(settings.unit, c, notice, contact);
  });

  router.get('/refusal-notices/:ref', async (ctx) => {
    const ref = parseRefusalNoticeRef(ctx.params.ref ?? '');
    const filing = ref ? await findFiling(deps.db, ref.filingId) : null;
    const c = filing ? await findCase(deps.db, filing.caseNo) : null;
    const issued = filing?.status === 'approved' && filing.noticeToken && filing.decidedAt;
    if (!ref || !filing || !c || !issued || !sameToken(filing.noticeToken!, ref.token) || chinaDateOf(filing.decidedAt!).slice(0, 4) !== ref.year) {
      return notFound(ctx, REFUSAL_NOTICE_NOT_FOUND);
    }
    const [settings, service, office] = await Promise.all([readOrgSettings(deps.db), c.serviceCode ? findService(deps.db, c.serviceCode) : null, loadOffice(deps.db)]);
    const officeDept = office ? await findDepartmentByKey(deps.db, office.key) : null;
    // The handler owes the written notice (告知 #no), so the applicant deals with them.
    const contact = await contactOf(deps.db, c.handler, c.department);
    privateHtml(ctx);
    ctx.body = renderRefusalNoticeHtml({
      unit: settings.unit,
      number: refusalNoticeNumber(filing.id, ref.year),
      case: c,
      filing,
      service,
      handler: contact.handler,
      phone: contact.phone,
      officePhone: officeDept?.phone ?? null,
      complaintUrl: `${deps.publicBaseUrl}/complaints/new`,
    });
  });
}

/** The person's name and their department's phone (else the case department's, else the office's). */
async function contactOf(db: Db, userid: string, caseDepartment: string): Promise<{ handler: string; phone: string | null }> {
  const names = await staffNames(db, [userid]);
  const person = await findActiveStaff(db, userid);
  const own = person ? await findDepartmentByKey(db, person.department) : null;
  const caseDept = await findDepartmentByKey(db, caseDepartment);
  const office = await loadOffice(db);
  const officeDept = office ? await findDepartmentByKey(db, office.key) : null;
  return { handler: names.get(userid) ?? userid, phone: own?.phone ?? caseDept?.phone ?? officeDept?.phone ?? null };
}

function privateHtml(ctx: Koa.Context): void {
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Robots-Tag', 'noindex');
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
  ctx.type = 'text/html; charset=utf-8';
}

function notFound(ctx: Koa.Context, text: string): void {
  ctx.status = 404;
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = text;
}

function sameToken(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
