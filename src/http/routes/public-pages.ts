import { cleanText } from '../../shared/clean-text.ts';
import type Koa from 'koa';
import type Router from '@koa/router';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { OutboundMessage } from '../../domain/messaging/outbound-message.ts';
import { checkComplaintForm, checkVisitorForm, PUBLIC_LIMITS } from '../../domain/public/public-forms.ts';
import { findComplaint } from '../../db/complaint-repository.ts';
import { departmentNames, findDepartmentByKey, listDepartments, readOrgSettings } from '../../db/org-repository.ts';
import { enqueueOutbound } from '../../db/outbox.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import { filePublicComplaint, parseComplaintTrackRef } from '../../use-cases/public/file-public-complaint.ts';
import { leaveVisitorMessage } from '../../use-cases/public/leave-visitor-message.ts';
import { PUBLIC_PAGE, renderComplaintAccepted, renderComplaintForm, renderComplaintTracking, renderVisitorForm, renderVisitorLeft } from '../../messages/pages/public-forms-html.ts';
import { SlidingWindowLimiter } from '../rate-limit.ts';
import { timingSafeEqual } from 'node:crypto';

export interface PublicPagesDeps {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  publicBaseUrl: string;
  /** Called after a submission queued messages (the office's notice), so they leave at once. */
  onQueued?: () => void;
}

/**
 * The public's side (R2 §6, R7 §6), no account and no token: the efficiency complaint form and its
 * tracking page, and each department's 留言卡. Bodies over PUBLIC_LIMITS.bodyBytes are refused (413),
 * each address may submit PUBLIC_LIMITS.perWindow times per window and form (429), and every value
 * shown back is escaped.
 */
export function registerPublicPages(router: Router, deps: PublicPagesDeps): void {
  const complaints = new SlidingWindowLimiter(deps.clock, PUBLIC_LIMITS.perWindow, PUBLIC_LIMITS.windowMs);
  const messages = new SlidingWindowLimiter(deps.clock, PUBLIC_LIMITS.perWindow, PUBLIC_LIMITS.windowMs);
  const unit = async () => (await readOrgSettings(deps.db)).unit;

  router.get('/complaints/new', async (ctx) => {
    html(ctx, 200, renderComplaintForm(await unit(), await listDepartments(deps.db)));
  });

  router.post('/complaints', async (ctx) => {
    const values = await readForm(ctx);
    if (!values) return;
    if (!complaints.allow(ctx.ip)) return html(ctx, 429, PUBLIC_PAGE.tooMany());
    const departments = await listDepartments(deps.db);
    const checked = checkComplaintForm(values, departments.map((d) => d.key));
    if (!checked.ok) return html(ctx, 400, renderComplaintForm(await unit(), departments, values, checked.problems));
    const now = deps.clock.now();
    const filed = await submit(deps, now, (c) => filePublicComplaint(c, checked.form));
    const url = `${deps.publicBaseUrl}${filed.trackPath}`;
    ctx.set('Location', url);
    html(ctx, 201, renderComplaintAccepted(await unit(), filed.complaint, url, now));
  });

  router.get('/complaints/:ref', async (ctx) => {
    const ref = parseComplaintTrackRef(ctx.params.ref ?? '');
    const c = ref ? await findComplaint(deps.db, ref.id) : null;
    if (!ref || !c?.trackToken || !sameToken(c.trackToken, ref.token)) return html(ctx, 404, PUBLIC_PAGE.notFound());
    const names = await departmentNames(deps.db);
    const about = [c.aboutDepartment ? (names.get(c.aboutDepartment) ?? c.aboutDepartment) : null, c.aboutPerson].filter((x): x is string => !!x).join(' ') || null;
    ctx.set('Cache-Control', 'private, no-store');
    html(ctx, 200, renderComplaintTracking(await unit(), c, about, deps.clock.now()));
  });

  router.get('/departments/:key/message', async (ctx) => {
    const dept = await findDepartmentByKey(deps.db, ctx.params.key ?? '');
    if (!dept) return html(ctx, 404, PUBLIC_PAGE.notFound());
    html(ctx, 200, renderVisitorForm(await unit(), dept));
  });

  router.post('/departments/:key/message', async (ctx) => {
    const dept = await findDepartmentByKey(deps.db, ctx.params.key ?? '');
    if (!dept) return html(ctx, 404, PUBLIC_PAGE.notFound());
    const values = await readForm(ctx);
    if (!values) return;
    if (!messages.allow(ctx.ip)) return html(ctx, 429, PUBLIC_PAGE.tooMany());
    const checked = checkVisitorForm(values);
    if (!checked.ok) return html(ctx, 400, renderVisitorForm(await unit(), dept, values, checked.problems));
    const left = await submit(deps, deps.clock.now(), (c) => leaveVisitorMessage(c, dept.key, checked.form));
    if (left.kind !== 'left') return html(ctx, 503, PUBLIC_PAGE.nobody());
    html(ctx, 201, renderVisitorLeft(await unit(), dept, checked.form.name));
  });
}

/** Runs a submission in one transaction with the messages it queues, then lets them go. */
async function submit<T>(deps: PublicPagesDeps, now: Date, work: (ctx: Parameters<typeof filePublicComplaint>[0]) => Promise<T>): Promise<T> {
  const result = await inTransaction(deps.db, async (tx) => {
    const out: OutboundMessage[] = [];
    const r = await work({ tx, now, calendar: deps.calendar, publicBaseUrl: deps.publicBaseUrl, send: (m) => out.push(m) });
    await enqueueOutbound(tx, out);
    return r;
  });
  deps.onQueued?.();
  return result;
}

/**
 * The url-encoded form, or null when the answer (413) has been given. An oversize body is still read
 * to its end (and dropped), up to 1 MiB, so that the client, still sending, gets to read the 413; a
 * body larger still is cut off with its connection.
 */
async function readForm(ctx: Koa.Context): Promise<Record<string, string> | null> {
  const limit = PUBLIC_LIMITS.bodyBytes;
  let size = Number(ctx.get('content-length') || 0) > limit ? limit + 1 : 0;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
    else if (size > 1024 * 1024) break;
  }
  if (size > limit) {
    ctx.set('Connection', 'close');
    html(ctx, 413, PUBLIC_PAGE.tooLarge());
    return null;
  }
  const values: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) if (!(k in values)) values[k] = cleanText(v);
  return values;
}

function html(ctx: Koa.Context, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
}

function sameToken(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
