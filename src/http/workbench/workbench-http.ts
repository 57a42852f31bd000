/** What every workbench route shares: its dependencies, the signed-in viewer, and the answers. */
import { randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Db } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { Viewer } from '../../domain/org/visibility.ts';
import type { CommandName } from '../../messages/command-texts.ts';
import { navFor, forbiddenPage, FORBIDDEN_TEXT, messagePage } from '../../messages/pages/workbench/layout.ts';
import type { Chrome } from '../../messages/pages/workbench/pages.ts';
import { readRawBody } from '../read-raw-body.ts';
import type { WorkbenchState } from './sign-in-routes.ts';

/** The chat command a workbench form stands for; the bot layer runs it (src/bot/web-command.ts). */
export type RunWebCommand = (req: {
  userid: string;
  text: string;
  allowed: readonly CommandName[];
  caseNo?: number;
  recordNo?: number;
  complaintId?: number;
  sourceKey: string;
}) => Promise<{ ok: boolean; reply: string }>;

export interface WorkbenchDeps {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  requireViewer: (ctx: Context, next: Next) => Promise<void>;
  runCommand: RunWebCommand;
  /** After a command queued notices: send them now. */
  onQueued: () => void;
}

export function viewerOf(ctx: Context): Viewer {
  return (ctx.state as WorkbenchState).viewer;
}

export function chromeOf(v: Viewer): Chrome {
  return { viewerName: v.name, nav: navFor(v.roles, v.department) };
}

export function html(ctx: Context, body: string, status = 200): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = body;
}

export function forbid(ctx: Context, text: string = FORBIDDEN_TEXT.page): void {
  const json = ctx.path.startsWith('/app/api/');
  if (json) {
    ctx.status = 403;
    ctx.body = { error: 'forbidden' };
    return;
  }
  html(ctx, forbiddenPage(text, chromeOf(viewerOf(ctx))), 403);
}

export function notFound(ctx: Context): void {
  if (ctx.path.startsWith('/app/api/')) {
    ctx.status = 404;
    ctx.body = { error: 'not_found' };
    return;
  }
  html(ctx, messagePage(FORBIDDEN_TEXT.notFoundTitle, FORBIDDEN_TEXT.notFound, { href: '/app/me', label: FORBIDDEN_TEXT.back }, chromeOf(viewerOf(ctx))), 404);
}

export function q(ctx: Context, name: string): string | undefined {
  const raw = ctx.query[name];
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export async function form(ctx: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await readRawBody(ctx.req, 64 * 1024));
}

export function caseNoOf(ctx: Context): number | undefined {
  const raw = ctx.params['no'] ?? '';
  if (!/^\d{1,9}$/u.test(raw)) return undefined;
  return Number(raw);
}

export function nonce(): string {
  return randomBytes(9).toString('base64url');
}

/** A form post's dedupe key: the page's nonce, so that a double tap or a reload acts once. */
export function webSourceKey(viewer: Viewer, body: URLSearchParams): string {
  return `web:${viewer.userid}:${(body.get('nonce') ?? nonce()).slice(0, 64)}`;
}
