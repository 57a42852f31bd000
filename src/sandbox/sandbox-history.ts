import type { Db } from '../db/transaction.ts';
import { listInboundFrom, listSentTo, type InboundRecord, type SentRecord } from '../db/chat-history-queries.ts';
import type { SandboxEvent, SandboxHub } from './sandbox-hub.ts';

/** How far back a chat reaches when it opens: per direction, the newest lines. */
export const HISTORY_LIMIT = 200;

export interface ChatHistory {
  /** The hub's run (see SandboxHub.run). */
  run: string;
  /** The hub's newest seq when the history was read: live lines after it come on top. */
  seq: number;
  events: SandboxEvent[];
}

type Sorted = { event: SandboxEvent; key: number };

/**
 * One person's chat as it stands: what they said (the inbox) and what the bot sent them (the outbox,
 * sent rows), read from the database so that it survives a restart; then this run's lines from the
 * hub, which also hold the time jumps and what is still on its way. A line in both counts once.
 */
export async function readChatHistory(db: Db, hub: SandboxHub, userid: string): Promise<ChatHistory> {
  const seq = hub.lastSeq;
  const live = hub.historyFor(userid).filter((e) => e.kind !== 'unsaid');
  const [inbound, sent] = await Promise.all([listInboundFrom(db, userid, HISTORY_LIMIT), listSentTo(db, userid, HISTORY_LIMIT)]);
  const seen = new Set(live.map((e) => e.id));
  const taskOfCode = responseCodeTasks(inbound, sent);
  const stored: Sorted[] = [
    ...inbound.flatMap((r) => (r.kind === 'text' ? saidLine(r, userid) : [])),
    ...sent.flatMap((r) => sentLine(r, userid, taskOfCode)),
  ];
  // Stable sort: on the same instant what was said comes before what answered it.
  const earlier = stored.filter((s) => !seen.has(s.event.id)).sort((a, b) => a.key - b.key);
  return { run: hub.run, seq, events: [...earlier.map((s) => s.event), ...live] };
}

function saidLine(r: InboundRecord, userid: string): Sorted[] {
  const p = r.payload as { msgId?: unknown; content?: unknown; createTime?: unknown };
  if (typeof p.content !== 'string' || typeof p.createTime !== 'number') return [];
  const at = p.createTime * 1000;
  const event: SandboxEvent = { seq: 0, id: `said:${String(p.msgId)}`, kind: 'said', userid, text: p.content, at: new Date(at).toISOString() };
  // Replies are sent after the message was worked, so that instant orders it among them.
  return [{ event, key: Math.max(at, r.processedAt?.getTime() ?? at) }];
}

function sentLine(r: SentRecord, userid: string, taskOfCode: Map<string, string>): Sorted[] {
  const p = (r.payload ?? {}) as Record<string, unknown>;
  const result = (r.result ?? {}) as { msgid?: unknown };
  const at = r.sentAt.toISOString();
  const key = r.sentAt.getTime();
  const id = `msg:${typeof result.msgid === 'string' && result.msgid !== '' ? result.msgid : `${r.kind}:${key}`}`;
  switch (r.kind) {
    case 'text':
    case 'markdown':
      return [{ key, event: { seq: 0, id, kind: 'message', touser: [userid], msgtype: r.kind, content: String(p['content'] ?? ''), at } }];
    case 'template_card': {
      const card = record(p['card']);
      if (!card) return [];
      const taskId = typeof card['task_id'] === 'string' ? card['task_id'] : undefined;
      return [{ key, event: { seq: 0, id, kind: 'message', touser: [userid], msgtype: 'template_card', card, ...(taskId !== undefined && { taskId }), at } }];
    }
    case 'update_card': {
      const code = String(p['responseCode'] ?? '');
      const card = record(p['card']);
      const taskId = (card && typeof card['task_id'] === 'string' ? card['task_id'] : undefined) ?? taskOfCode.get(code);
      if (!taskId) return [];
      const replaceName = typeof p['replaceName'] === 'string' ? p['replaceName'] : undefined;
      const event: SandboxEvent = {
        seq: 0,
        id: `upd:${code}`,
        kind: 'card-update',
        userids: [userid],
        atAll: false,
        taskId,
        ...(card && { card }),
        ...(replaceName !== undefined && { replaceName }),
        at,
      };
      return [{ key, event }];
    }
    default:
      return [];
  }
}

/** Which card each ResponseCode belongs to: clicks carry both, and so does the answer to sending a card. */
function responseCodeTasks(inbound: InboundRecord[], sent: SentRecord[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of inbound) {
    const p = r.payload as { responseCode?: unknown; taskId?: unknown };
    if (r.kind === 'card_click' && typeof p.responseCode === 'string' && typeof p.taskId === 'string') map.set(p.responseCode, p.taskId);
  }
  for (const r of sent) {
    const code = (r.result as { responseCode?: unknown } | null)?.responseCode;
    const taskId = record((r.payload as Record<string, unknown> | null)?.['card'])?.['task_id'];
    if (r.kind === 'template_card' && typeof code === 'string' && typeof taskId === 'string') map.set(code, taskId);
  }
  return map;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
