import type { Db } from '../db/transaction.ts';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { readRawBody } from '../http/read-raw-body.ts';
import { WECOM_USERID_PATTERN } from '../org/org-file.ts';
import type { SignedCallbackConfig } from '../wecom/build-signed-callback.ts';
import type { FakeWeComApiServer } from '../wecom/fake/wecom-api-server.ts';
import type { SandboxHub } from './sandbox-hub.ts';
import { listSandboxStaff } from './list-sandbox-staff.ts';
import { postSandboxCallback, type SandboxCallback } from './post-sandbox-callback.ts';
import { openEventStream } from './sandbox-event-stream.ts';
import { chinaLabel, type TimeAction, type TimeMove } from './sandbox-time.ts';
import { serveSandboxPage } from './serve-sandbox-page.ts';

/** What the sandbox needs of the running bot; late-bound because routes exist before the server listens. */
export interface SandboxBotHandle {
  url: string;
  settle(): Promise<void>;
}

export interface SandboxRouteDeps {
  db: Db;
  fake: FakeWeComApiServer;
  hub: SandboxHub;
  clock: Clock;
  callback: SignedCallbackConfig;
  moveTime: (action: TimeAction) => Promise<TimeMove>;
  bot: () => SandboxBotHandle | undefined;
  log: Logger;
  /** Open event streams register their closer here so that shutdown can end them. */
  streams: Set<() => void>;
}

const userid = z.string().regex(WECOM_USERID_PATTERN);
const sayBody = z.object({ userid, text: z.string().trim().min(1).max(2000) });
const clickBody = z.object({ userid, taskId: z.string().min(1).max(128), eventKey: z.string().min(1).max(1024) });
const timeBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('hours'), hours: z.number().int().min(1).max(24 * 30) }),
  z.object({ action: z.literal('day') }),
  z.object({ action: z.literal('next-reminder') }),
]);

/** `/sandbox` and its small JSON API; mounted only in sandbox mode (see shouldRunSandbox). */
export function registerSandboxRoutes(router: Router, deps: SandboxRouteDeps): void {
  serveSandboxPage(router);

  router.get('/sandbox/api/staff', async (ctx) => {
    ctx.body = { staff: await listSandboxStaff(deps.db) };
  });

  router.get('/sandbox/api/events', (ctx) => {
    const who = userid.safeParse(ctx.query['userid']);
    if (!who.success) return badRequest(ctx, 'userid');
    const end = openEventStream(ctx, deps.hub, who.data);
    deps.streams.add(end);
    ctx.req.on('close', () => deps.streams.delete(end));
  });

  router.post('/sandbox/api/say', async (ctx) => {
    const body = sayBody.safeParse(await readJson(ctx));
    if (!body.success) return badRequest(ctx, 'userid, text');
    deps.hub.push({ kind: 'said', userid: body.data.userid, text: body.data.text });
    await deliver(ctx, deps, { kind: 'text', from: body.data.userid, content: body.data.text });
  });

  router.post('/sandbox/api/click', async (ctx) => {
    const body = clickBody.safeParse(await readJson(ctx));
    if (!body.success) return badRequest(ctx, 'userid, taskId, eventKey');
    const { userid: from, taskId, eventKey } = body.data;
    let responseCode: string;
    try {
      responseCode = deps.fake.issueClickResponseCode(taskId, from);
    } catch {
      ctx.status = 404;
      ctx.body = { error: 'no_such_card_for_user' };
      return;
    }
    await deliver(ctx, deps, { kind: 'click', from, taskId, eventKey, responseCode });
  });

  router.get('/sandbox/api/time', (ctx) => {
    const now = deps.clock.now();
    ctx.body = { now: now.toISOString(), label: chinaLabel(now) };
  });

  router.post('/sandbox/api/time', async (ctx) => {
    const body = timeBody.safeParse(await readJson(ctx));
    if (!body.success) return badRequest(ctx, "action: 'hours' (with hours) | 'day' | 'next-reminder'");
    const moved = await deps.moveTime(body.data);
    ctx.body = { now: moved.now.toISOString(), label: chinaLabel(moved.now), ticked: moved.ticked, found: moved.found ?? null, note: moved.note };
  });
}

/** Posts the callback to the bot and waits for its replies, so the API answers after the chat has them. */
async function deliver(ctx: Context, deps: SandboxRouteDeps, cb: SandboxCallback): Promise<void> {
  const bot = deps.bot();
  if (!bot) {
    ctx.status = 503;
    ctx.body = { error: 'starting' };
    return;
  }
  const status = await postSandboxCallback(bot.url, deps.callback, deps.clock.now(), cb);
  if (status !== 200) {
    deps.log.warn({ status, kind: cb.kind }, 'sandbox callback refused by the bot');
    ctx.status = 502;
    ctx.body = { error: 'callback_refused', status };
    return;
  }
  await bot.settle();
  ctx.body = { ok: true };
}

async function readJson(ctx: Context): Promise<unknown> {
  try {
    return JSON.parse(await readRawBody(ctx.req, 16 * 1024));
  } catch {
    return undefined;
  }
}

function badRequest(ctx: Context, expected: string): void {
  ctx.status = 400;
  ctx.body = { error: 'bad_request', expected };
}
