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
import { findSentCard } from '../db/chat-history-queries.ts';
import { SANDBOX_ERRORS } from '../messages/sandbox-texts.ts';
import { nextMsgId, postSandboxCallback, type SandboxCallback } from './post-sandbox-callback.ts';
import { openEventStream } from './sandbox-event-stream.ts';
import { readChatHistory } from './sandbox-history.ts';
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
  /** Where the bot's links point (PUBLIC_BASE_URL): the page opens those beside the chat, on its own origin. */
  publicBaseUrl?: string;
}

/** What one message to the bot may hold (the length WeCom's own client allows for a text). */
export const MAX_SAY_LENGTH = 2000;

const userid = z.string().regex(WECOM_USERID_PATTERN);
const sayBody = z.object({ userid, text: z.string().trim().min(1).max(MAX_SAY_LENGTH) });
const selectedItem = z.object({ questionKey: z.string().min(1).max(1024), optionIds: z.array(z.string().min(1).max(128)).max(20) });
const clickBody = z.object({
  userid,
  taskId: z.string().min(1).max(128),
  eventKey: z.string().min(1).max(1024),
  cardType: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  selectedItems: z.array(selectedItem).max(20).optional(),
});
const timeBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('hours'), hours: z.number().int().min(1).max(24 * 30) }),
  z.object({ action: z.literal('day') }),
  z.object({ action: z.literal('next-reminder') }),
]);

/** `/sandbox` and its small JSON API; mounted only in sandbox mode (see shouldRunSandbox). */
export function registerSandboxRoutes(router: Router, deps: SandboxRouteDeps): void {
  serveSandboxPage(router);

  router.get('/sandbox/api/staff', async (ctx) => {
    ctx.body = { staff: await listSandboxStaff(deps.db), linkBase: deps.publicBaseUrl ?? null };
  });

  // Without userid: one stream of everyone's lines, which all tabs of a browser share (the page
  // multiplexes it by person), so any number of tabs stays within the browser's connections per host.
  router.get('/sandbox/api/events', (ctx) => {
    const raw = ctx.query['userid'];
    const who = raw === undefined ? undefined : userid.safeParse(raw);
    if (who && !who.success) return badRequest(ctx, 'userid');
    const end = openEventStream(ctx, deps.hub, who?.data);
    deps.streams.add(end);
    ctx.req.on('close', () => deps.streams.delete(end));
  });

  router.get('/sandbox/api/history', async (ctx) => {
    const who = userid.safeParse(ctx.query['userid']);
    if (!who.success) return badRequest(ctx, 'userid');
    ctx.body = await readChatHistory(deps.db, deps.hub, who.data);
  });

  router.post('/sandbox/api/say', async (ctx) => {
    const raw = await readJson(ctx);
    const body = sayBody.safeParse(raw);
    if (!body.success) return badRequest(ctx, 'userid, text', sayProblem(raw));
    const msgId = nextMsgId(deps.clock.now());
    const said = `said:${msgId}`;
    deps.hub.push({ kind: 'said', id: said, userid: body.data.userid, text: body.data.text });
    const delivered = await deliver(ctx, deps, { kind: 'text', from: body.data.userid, content: body.data.text, msgId });
    // The line was shown while on its way; the bot never got it, so no chat may keep it.
    if (!delivered) deps.hub.push({ kind: 'unsaid', userid: body.data.userid, said });
  });

  router.post('/sandbox/api/click', async (ctx) => {
    const body = clickBody.safeParse(await readJson(ctx));
    if (!body.success) return badRequest(ctx, 'userid, taskId, eventKey');
    const { userid: from, taskId, eventKey, cardType, selectedItems } = body.data;
    const responseCode = await clickResponseCode(deps, taskId, from);
    if (!responseCode) {
      ctx.status = 404;
      ctx.body = { error: 'no_such_card_for_user', message: SANDBOX_ERRORS.noSuchCard };
      return;
    }
    await deliver(ctx, deps, { kind: 'click', from, taskId, eventKey, responseCode, ...(cardType && { cardType }), ...(selectedItems && { selectedItems }) });
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

/**
 * The ResponseCode WeCom would put into this click. A card sent before the last restart is known to
 * the database's outbox only: the look-alike learns it from there, as WeCom never forgets a card.
 */
async function clickResponseCode(deps: SandboxRouteDeps, taskId: string, from: string): Promise<string | null> {
  const issue = () => {
    try {
      return deps.fake.issueClickResponseCode(taskId, from);
    } catch {
      return null;
    }
  };
  const code = issue();
  if (code || deps.fake.findCard(taskId)) return code;
  const card = await findSentCard(deps.db, from, taskId);
  if (!card) return null;
  deps.fake.rememberCard({ taskId, touser: [from], card, at: deps.clock.now().getTime() });
  return issue();
}

/**
 * Posts the callback to the bot and waits for its replies, so the API answers after the chat has them.
 * Returns whether the bot stored it; otherwise the answer says why, in words the page shows.
 */
async function deliver(ctx: Context, deps: SandboxRouteDeps, cb: SandboxCallback): Promise<boolean> {
  const bot = deps.bot();
  if (!bot) {
    ctx.status = 503;
    ctx.body = { error: 'starting', message: SANDBOX_ERRORS.starting };
    return false;
  }
  let status: number;
  try {
    status = await postSandboxCallback(bot.url, deps.callback, deps.clock.now(), cb);
  } catch (err) {
    deps.log.warn({ err, kind: cb.kind }, 'sandbox callback did not reach the bot');
    ctx.status = 502;
    ctx.body = { error: 'bot_unreachable', message: SANDBOX_ERRORS.botUnreachable };
    return false;
  }
  if (status !== 200) {
    deps.log.warn({ status, kind: cb.kind }, 'sandbox callback refused by the bot');
    ctx.status = 502;
    ctx.body = { error: 'callback_refused', status, message: SANDBOX_ERRORS.callbackRefused(status) };
    return false;
  }
  await bot.settle();
  ctx.body = { ok: true };
  return true;
}

/** The one thing wrong with a say body, in the page's words. */
function sayProblem(raw: unknown): string {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as { userid?: unknown; text?: unknown };
  if (!userid.safeParse(r.userid).success) return SANDBOX_ERRORS.noSuchPerson;
  if (typeof r.text !== 'string' || r.text.trim() === '') return SANDBOX_ERRORS.emptyText;
  if (r.text.trim().length > MAX_SAY_LENGTH) return SANDBOX_ERRORS.tooLong(MAX_SAY_LENGTH);
  return SANDBOX_ERRORS.badRequest;
}

async function readJson(ctx: Context): Promise<unknown> {
  try {
    return JSON.parse(await readRawBody(ctx.req, 16 * 1024));
  } catch {
    return undefined;
  }
}

function badRequest(ctx: Context, expected: string, message: string = SANDBOX_ERRORS.badRequest): void {
  ctx.status = 400;
  ctx.body = { error: 'bad_request', expected, message };
}
