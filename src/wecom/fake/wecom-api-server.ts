import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMenu, MenuRejected } from './menu-create.ts';
import { createFakeOAuth, type FakeOAuthPerson } from './fake-oauth.ts';
import type { FakeWeComApiServerOptions, RecordedCall, FakeMessageType, SentMessage, CardUpdate, FailSpec, FakeWeComApiServer } from './fake-api-types.ts';
import { createDuplicateIndex, createFakeFaults } from './fake-faults.ts';
import { agentInfo } from './fake-agent.ts';
import { createFakeApprovals } from './fake-approvals.ts';
import { createFakeContacts } from './fake-contacts.ts';

export type { FakeWeComApiServerOptions, RecordedCall, FakeMessageType, SentMessage, CardUpdate, FailSpec, FakeWeComApiServer };

/**
 * A local stand-in for the WeCom API (gettoken, message/send, message/update_template_card) over real HTTP.
 * It validates what WeCom validates (tokens, agentid, content size, button_interaction rules) and answers
 * with WeCom's errcodes, so tests and the offline sandbox exercise the real client, errors included.
 */

const INTERACTIVE_CARD_TYPES = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);
const CARD_TYPES = new Set(['text_notice', 'news_notice', ...INTERACTIVE_CARD_TYPES]);
const TASK_ID_PATTERN = /^[0-9A-Za-z_\-@]+$/;
const MAX_BODY_BYTES = 1 << 20;

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

class ApiFailure extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(errmsg);
  }
}

export async function startFakeWeComApiServer(options: FakeWeComApiServerOptions = {}): Promise<FakeWeComApiServer> {
  const corpId = options.corpId ?? 'ww-fake-corp';
  const secret = options.secret ?? 'fake-secret';
  const agentId = options.agentId ?? 1000002;
  const now = options.now ?? Date.now;
  const responseCodeTtlMs = options.responseCodeTtlMs ?? 72 * 3600_000;
  const faults = createFakeFaults(now);
  const duplicates = createDuplicateIndex(now);
  const approvals = createFakeApprovals();
  const contacts = createFakeContacts({ corpId, now });
  const knownUsers = options.knownUsers ? new Set(options.knownUsers.map((u) => u.toLowerCase())) : undefined;

  const tokenExpiresInSec = options.tokenExpiresInSec ?? 7200;
  let issuedTokenCount = 0;
  const tokens = new Map<string, { expiresAt: number }>();
  const usedTaskIds = new Set<string>();
  const responseCodes = new Map<string, { taskId: string; expiresAt: number; used: boolean }>();
  const cards = new Map<string, SentMessage>();
  let calls: RecordedCall[] = [];
  let messages: SentMessage[] = [];
  let cardUpdates: CardUpdate[] = [];
  let menu: Record<string, unknown>[] | undefined;
  let failures: { spec: FailSpec; remaining: number }[] = [];
  const messageListeners = new Set<(m: SentMessage) => void>();
  let oauthPeople: () => Promise<FakeOAuthPerson[]> | FakeOAuthPerson[] = options.oauthPeople ?? (() => []);
  const oauth = createFakeOAuth({ corpId, agentId, now, people: () => oauthPeople() });
  const updateListeners = new Set<(u: CardUpdate) => void>();

  function newResponseCode(taskId: string): string {
    const code = randomBytes(24).toString('base64url');
    responseCodes.set(code, { taskId, expiresAt: now() + responseCodeTtlMs, used: false });
    return code;
  }

  function requireToken(query: URLSearchParams): void {
    const token = query.get('access_token');
    if (!token) throw new ApiFailure(41001, 'access_token missing');
    const entry = tokens.get(token);
    if (!entry) throw new ApiFailure(40014, 'invalid access_token');
    if (now() >= entry.expiresAt) throw new ApiFailure(42001, 'access_token expired');
  }

  function requireAgent(body: Record<string, unknown>): void {
    if (Number(body['agentid']) !== agentId) throw new ApiFailure(40056, 'invalid agentid');
  }

  function getToken(query: URLSearchParams): Answer {
    if (query.get('corpid') !== corpId) throw new ApiFailure(40013, 'invalid corpid');
    if (query.get('corpsecret') !== secret) throw new ApiFailure(40001, 'invalid credential');
    issuedTokenCount++;
    const token = `fake-token-${issuedTokenCount}-${randomBytes(16).toString('hex')}`;
    tokens.set(token, { expiresAt: now() + tokenExpiresInSec * 1000 });
    return ok({ access_token: token, expires_in: tokenExpiresInSec });
  }

  function sendMessage(body: Record<string, unknown>): Answer {
    requireAgent(body);
    const touserField = body['touser'];
    if (typeof touserField !== 'string' || touserField.length === 0) throw new ApiFailure(40058, 'touser required (toparty/totag not supported by the fake)');
    const requested = touserField.split('|').filter((u) => u.length > 0);
    if (requested.length === 0 || requested.length > 1000) throw new ApiFailure(40058, 'touser must list 1..1000 userids');
    const invalid = knownUsers ? requested.filter((u) => u !== '@all' && !knownUsers.has(u.toLowerCase())) : [];
    const valid = requested.filter((u) => !invalid.includes(u));
    if (valid.length === 0) throw new ApiFailure(81013, 'user & party & tag all invalid');

    const msgtype = body['msgtype'];
    const duplicate = duplicates.duplicateOf(valid.join('|'), body);
    if (duplicate !== undefined) return ok({ invaliduser: invalid.map((u) => u.toLowerCase()).join('|'), msgid: duplicate });
    const message: SentMessage = { msgid: randomBytes(24).toString('base64url'), touser: valid, msgtype: 'text', body, at: now() };
    if (msgtype === 'text' || msgtype === 'markdown') {
      message.msgtype = msgtype;
      message.content = checkContent(body[msgtype]);
    } else if (msgtype === 'template_card') {
      message.msgtype = 'template_card';
      const card = body['template_card'];
      if (!isRecord(card)) throw new ApiFailure(40058, 'template_card required');
      checkCard(card);
      message.card = card;
      const taskId = typeof card['task_id'] === 'string' ? card['task_id'] : undefined;
      if (taskId !== undefined) {
        usedTaskIds.add(taskId);
        message.taskId = taskId;
        cards.set(taskId, message);
      }
      if (taskId !== undefined && INTERACTIVE_CARD_TYPES.has(String(card['card_type']))) {
        message.responseCode = newResponseCode(taskId);
      }
    } else {
      throw new ApiFailure(40008, 'invalid message type');
    }

    messages.push(message);
    duplicates.remember(valid.join('|'), body, message.msgid);
    emit(messageListeners, message);
    const answer: Record<string, unknown> = { invaliduser: invalid.map((u) => u.toLowerCase()).join('|'), msgid: message.msgid };
    if (message.responseCode !== undefined) answer['response_code'] = message.responseCode;
    return ok(answer);
  }

  function checkCard(card: Record<string, unknown>): void {
    const cardType = card['card_type'];
    if (typeof cardType !== 'string' || !CARD_TYPES.has(cardType)) throw new ApiFailure(40058, 'invalid card_type');
    const taskId = card['task_id'];
    if (taskId !== undefined || cardType === 'button_interaction') {
      if (
        typeof taskId !== 'string' ||
        taskId.length === 0 ||
        Buffer.byteLength(taskId) > 128 ||
        !TASK_ID_PATTERN.test(taskId) ||
        usedTaskIds.has(taskId)
      ) {
        throw new ApiFailure(42014, 'taskid has existed or empty or exceed max len');
      }
    }
    const mainTitle = card['main_title'];
    if (!isRecord(mainTitle) || typeof mainTitle['title'] !== 'string' || mainTitle['title'].length === 0) {
      throw new ApiFailure(40058, 'main_title.title required');
    }
    if (cardType !== 'button_interaction') return;
    const buttons = card['button_list'];
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 6) throw new ApiFailure(40058, 'button_list must have 1..6 buttons');
    const keys = new Set<string>();
    for (const button of buttons) {
      if (!isRecord(button) || typeof button['text'] !== 'string' || button['text'].length === 0) {
        throw new ApiFailure(42020, 'button text missing');
      }
      if (button['type'] === 1) continue; // url button: no key, no callback
      const key = button['key'];
      if (typeof key !== 'string' || key.length === 0) throw new ApiFailure(42017, 'button key missing');
      if (Buffer.byteLength(key) > 1024 || keys.has(key)) throw new ApiFailure(42018, 'button key invalid or duplicated');
      keys.add(key);
    }
  }

  function updateCard(body: Record<string, unknown>): Answer {
    // An update through another app than the card's sender (94945).
    if (Number(body['agentid']) !== agentId) throw new ApiFailure(42015, 'app of the update does not match the app of the card');
    const code = body['response_code'];
    if (typeof code !== 'string' || code.length === 0) throw new ApiFailure(42022, 'response_code missing');
    const entry = responseCodes.get(code);
    if (!entry) throw new ApiFailure(42022, 'response_code invalid');
    if (entry.used) throw new ApiFailure(42022, 'response_code has been used');
    if (now() >= entry.expiresAt) throw new ApiFailure(42022, 'response_code expired');
    const original = cards.get(entry.taskId);
    if (!original) throw new ApiFailure(42016, 'task_id of the update does not exist');

    const button = body['button'];
    const card = body['template_card'];
    const update: CardUpdate = {
      responseCode: code,
      taskId: entry.taskId,
      userids: Array.isArray(body['userids']) ? body['userids'].filter((u): u is string => typeof u === 'string') : [],
      atAll: body['atall'] === 1,
      at: now(),
    };
    if (isRecord(button) && typeof button['replace_name'] === 'string' && button['replace_name'].length > 0) {
      update.replaceName = button['replace_name'];
    } else if (isRecord(card)) {
      // Only an interactive card can replace one, and only one of the same type.
      if (card['card_type'] !== original.card?.['card_type'] || !INTERACTIVE_CARD_TYPES.has(String(card['card_type']))) {
        throw new ApiFailure(40058, 'template_card.card_type must be the card type of the card being updated');
      }
      update.card = card;
    } else {
      throw new ApiFailure(42020, 'button.replace_name or template_card required');
    }
    if (update.userids.length === 0 && !update.atAll) throw new ApiFailure(40058, 'userids or atall required');
    // Only the card's own recipients can see it updated; others come back as invaliduser.
    const notRecipients = update.userids.filter((u) => !original.touser.some((t) => t.toLowerCase() === u.toLowerCase()));
    update.userids = update.userids.filter((u) => !notRecipients.includes(u));
    if (update.userids.length === 0 && !update.atAll) throw new ApiFailure(81013, 'user & party & tag all invalid');

    entry.used = true;
    cardUpdates.push(update);
    emit(updateListeners, update);
    return ok({ invaliduser: notRecipients.map((u) => u.toLowerCase()).join('|') });
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown): Answer {
    if (method === 'GET' && path === '/cgi-bin/gettoken') return getToken(query);
    if (method === 'GET' && path === '/cgi-bin/agent/get') {
      requireToken(query);
      if (Number(query.get('agentid')) !== agentId) throw new ApiFailure(40056, 'invalid agentid');
      return ok(agentInfo(agentId, options.agent));
    }
    if (method === 'GET' && path === '/cgi-bin/auth/getuserinfo') {
      requireToken(query);
      const answer = oauth.getUserInfo(query);
      if (answer['errcode'] !== 0) throw new ApiFailure(Number(answer['errcode']), String(answer['errmsg']));
      return { status: 200, json: answer };
    }
    if (method === 'POST' && (path === '/cgi-bin/message/send' || path === '/cgi-bin/message/update_template_card')) {
      requireToken(query);
      if (!isRecord(body)) throw new ApiFailure(47001, 'data format error');
      return path === '/cgi-bin/message/send' ? sendMessage(body) : updateCard(body);
    }
    if (method === 'POST' && path === '/cgi-bin/oa/getapprovaldetail') {
      requireToken(query);
      const spNo = isRecord(body) ? String(body['sp_no'] ?? '') : '';
      const detail = approvals.detail(spNo);
      // 301025: no such form (the code getapprovaldetail gives for a wrong sp_no).
      if (!detail) throw new ApiFailure(301025, 'sp_no not found');
      return ok(detail);
    }
    if (method === 'GET' && path === '/cgi-bin/department/list') {
      requireToken(query);
      return ok({ department: contacts.departmentList().map((d) => ({ ...d, name_en: '', department_leader: [], order: 100000000 - d.id })) });
    }
    if (method === 'GET' && path === '/cgi-bin/user/list') {
      requireToken(query);
      const list = contacts.userList(Number(query.get('department_id')));
      // 60123: invalid party id (a department outside the directory).
      if (!list) throw new ApiFailure(60123, 'invalid party id');
      return ok({ userlist: list });
    }
    if (method === 'GET' && path === '/cgi-bin/user/get') {
      requireToken(query);
      const m = contacts.userGet(query.get('userid') ?? '');
      if (!m) throw new ApiFailure(60111, 'userid not found');
      return ok({ ...m });
    }
    if (method === 'POST' && path === '/cgi-bin/menu/create') {
      requireToken(query);
      if (Number(query.get('agentid')) !== agentId) throw new ApiFailure(40056, 'invalid agentid');
      if (!isRecord(body)) throw new ApiFailure(47001, 'data format error');
      try {
        menu = checkMenu(body);
      } catch (err) {
        if (err instanceof MenuRejected) throw new ApiFailure(err.errcode, err.message);
        throw err;
      }
      return ok({});
    }
    return { status: 404, json: { errcode: 404, errmsg: `fake: no ${method} ${path}` } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const record: RecordedCall = { method, path: url.pathname, query: redactQuery(url.searchParams), body, at: now(), status: 0, response: undefined };
    calls.push(record);

    const failure = takeFailure(url.pathname);
    if (failure?.dropConnection) {
      req.socket.destroy();
      return;
    }
    const standing = failure ? undefined : faults.answerFor(url.pathname);
    const page = method === 'GET' && failure === undefined ? await oauth.handlePage(url.pathname, url.searchParams) : undefined;
    if (page) {
      record.status = page.status;
      res.writeHead(page.status, page.headers);
      res.end(page.body);
      return;
    }
    let answer: Answer;
    if (standing) {
      answer = standing;
    } else if (failure?.httpStatus !== undefined) {
      answer = { status: failure.httpStatus, json: { errcode: -1, errmsg: `fake HTTP ${failure.httpStatus}` } };
    } else if (failure?.errcode !== undefined) {
      answer = { status: 200, json: { errcode: failure.errcode, errmsg: failure.errmsg ?? `fake errcode ${failure.errcode}` } };
    } else {
      try {
        answer = route(method, url.pathname, url.searchParams, body);
      } catch (err) {
        if (!(err instanceof ApiFailure)) throw err;
        answer = { status: 200, json: { errcode: err.errcode, errmsg: err.errmsg } };
      }
    }
    record.status = answer.status;
    record.response = answer.json;
    if (failure?.lostReply) {
      // WeCom did the work; the answer never reaches the caller.
      record.status = 0;
      req.socket.destroy();
      return;
    }
    const latency = faults.latencyFor(url.pathname);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.json));
  }

  function takeFailure(path: string): FailSpec | undefined {
    const index = failures.findIndex((f) => f.spec.path === undefined || f.spec.path === path);
    const entry = failures[index];
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) failures.splice(index, 1);
    return entry.spec;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A bug in the fake must surface as a failed request, not a hung one.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;

  return {
    url,
    approvals,
    contacts,
    get calls() {
      return calls;
    },
    get messages() {
      return messages;
    },
    get cardUpdates() {
      return cardUpdates;
    },
    get menu() {
      return menu;
    },
    get issuedTokenCount() {
      return issuedTokenCount;
    },
    messagesTo: (userid) => messages.filter((m) => sentTo(m.touser, userid)),
    findCard: (taskId) => cards.get(taskId),
    issueClickResponseCode(taskId, userid) {
      const card = cards.get(taskId);
      if (!card) throw new Error(`fake WeCom: no card with task_id ${taskId}`);
      if (!sentTo(card.touser, userid)) throw new Error(`fake WeCom: card ${taskId} was not sent to ${userid}`);
      return newResponseCode(taskId);
    },
    rememberCard({ taskId, touser, card, at }) {
      if (cards.has(taskId)) return;
      usedTaskIds.add(taskId);
      cards.set(taskId, { msgid: randomBytes(24).toString('base64url'), touser: [...touser], msgtype: 'template_card', card, taskId, body: {}, at });
    },
    issueOAuthCode: (userid) => oauth.issueCode(userid),
    setOAuthPeople(people) {
      oauthPeople = people;
    },
    failNext(spec) {
      failures.push({ spec, remaining: spec.times ?? 1 });
    },
    refuse: (spec) => faults.refuse(spec),
    rateLimit: (window) => faults.rateLimit(window),
    lift: () => faults.lift(),
    setLatency: (ms) => faults.setLatency(ms),
    expireTokens() {
      for (const entry of tokens.values()) entry.expiresAt = Number.NEGATIVE_INFINITY;
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onCardUpdate(listener) {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    clear() {
      calls = [];
      messages = [];
      cardUpdates = [];
      failures = [];
      faults.lift();
      faults.setLatency(0);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets of clients would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}

function ok(fields: Record<string, unknown>): Answer {
  return { status: 200, json: { errcode: 0, errmsg: 'ok', ...fields } };
}

function checkContent(part: unknown): string {
  const content = isRecord(part) ? part['content'] : undefined;
  if (typeof content !== 'string' || content.length === 0) throw new ApiFailure(44004, 'empty content');
  if (Buffer.byteLength(content) > 2048) throw new ApiFailure(45002, 'content size out of limit');
  return content;
}

function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch {
      // A failing subscriber (e.g. a closed browser stream) must not fail the API call.
    }
  }
}

function redactQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) out[k] = k === 'access_token' || k === 'corpsecret' ? '***' : v;
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** WeCom ignores the case of userids (90195): LiHua and lihua are one member. */
function sentTo(touser: string[], userid: string): boolean {
  const id = userid.toLowerCase();
  return touser.some((u) => u === '@all' || u.toLowerCase() === id);
}
