import type { Db } from '../../db/transaction.ts';
import { timingSafeEqual } from 'node:crypto';
import type Router from '@koa/router';
import { findCase } from '../../db/case-repository.ts';
import { findNotice } from '../../db/materials-notice-repository.ts';
import { readOrgSettings } from '../../db/org-repository.ts';
import { parseNoticeRef } from '../../shared/notice-ref.ts';
import { NOTICE_NOT_FOUND, renderNoticeHtml } from '../../messages/pages/notice-page-html.ts';

/**
 * GET /notices/:ref: the printable 一次性告知书 (R5 §6) for the applicant. Public (the applicant has
 * no account), so the link carries a random token; a wrong token answers as if there were no notice.
 */
export function registerNoticePage(router: Router, deps: { db: Db }): void {
  router.get('/notices/:ref', async (ctx) => {
    const ref = parseNoticeRef(ctx.params.ref ?? '');
    const notice = ref ? await findNotice(deps.db, ref.number) : null;
    const c = notice ? await findCase(deps.db, notice.caseNo) : null;
    if (!ref || !notice || !c || !sameToken(notice.items.token, ref.token)) {
      ctx.status = 404;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = NOTICE_NOT_FOUND;
      return;
    }
    const settings = await readOrgSettings(deps.db);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderNoticeHtml(settings.unit, c, notice);
  });
}

function sameToken(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
