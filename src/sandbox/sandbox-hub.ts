import type { Clock } from '../shared/clock.ts';
import type { CardUpdate, FakeWeComApiServer, SentMessage } from '../wecom/fake/wecom-api-server.ts';

/**
 * One line of a sandbox chat. `at` is sandbox time (ISO), since that is what reminders are about.
 * `id` names the line the same way wherever it comes from, this run's memory or the database's
 * inbox and outbox (src/sandbox/sandbox-history.ts): `said:<MsgId>`, `msg:<msgid>`, `upd:<ResponseCode>`.
 * `seq` orders this run's lines; lines read back from the database carry 0.
 */
export type SandboxEvent =
  | { seq: number; id: string; kind: 'said'; userid: string; text: string; at: string }
  | { seq: number; id: string; kind: 'message'; touser: string[]; msgtype: SentMessage['msgtype']; content?: string; card?: Record<string, unknown>; taskId?: string; at: string }
  | { seq: number; id: string; kind: 'card-update'; userids: string[]; atAll: boolean; taskId: string; replaceName?: string; card?: Record<string, unknown>; at: string }
  | { seq: number; id: string; kind: 'time'; now: string; note: string; at: string }
  /** A said line whose message never reached the bot: the page takes it back out of the chat. */
  | { seq: number; id: string; kind: 'unsaid'; userid: string; said: string; at: string };

type WithOptionalId<E> = Omit<E, 'seq' | 'at' | 'id'> & { id?: string };
export type NewEvent = SandboxEvent extends infer E ? (E extends SandboxEvent ? WithOptionalId<E> : never) : never;

/** Bounded so a sandbox left running for weeks does not grow without limit. */
const MAX_EVENTS = 5000;

/**
 * The ordered log of everything the sandbox page shows: what people typed, and every message and card
 * update the WeCom look-alike received from the bot. Browser tabs replay it and then follow it live.
 */
export class SandboxHub {
  private events: SandboxEvent[] = [];
  private seq = 0;
  private readonly listeners = new Set<(e: SandboxEvent) => void>();
  private readonly unsubscribe: (() => void)[];
  private held: NewEvent[] | null = null;
  /** Names this run: a page that sees it change knows the server restarted and its seq began again. */
  readonly run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

  constructor(
    fake: FakeWeComApiServer,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = [
      fake.onMessage((m) => this.push(fromMessage(m))),
      fake.onCardUpdate((u) => this.push(fromCardUpdate(u))),
    ];
  }

  push(event: NewEvent): void {
    if (this.held) this.held.push(event);
    else this.record(event);
  }

  /** Buffers new lines until release(), so that a time jump can be announced before what it caused. */
  hold(): void {
    this.held ??= [];
  }

  release(first?: NewEvent): void {
    const held = this.held ?? [];
    this.held = null;
    if (first) this.record(first);
    for (const e of held) this.record(e);
  }

  private record(event: NewEvent): void {
    const seq = ++this.seq;
    const full = { ...event, id: event.id ?? `${event.kind}:${this.run}:${seq}`, seq, at: this.clock.now().toISOString() } as SandboxEvent;
    if (full.kind === 'unsaid') this.events = this.events.filter((e) => e.id !== full.said);
    this.events.push(full);
    if (this.events.length > MAX_EVENTS) this.events = this.events.slice(-MAX_EVENTS);
    for (const listener of this.listeners) listener(full);
  }

  /** Events `userid` sees (everyone's when undefined), after `afterSeq` (a reconnecting browser sends the last one it got). */
  historyFor(userid: string | undefined, afterSeq = 0): SandboxEvent[] {
    return this.events.filter((e) => e.seq > afterSeq && (userid === undefined || isVisibleTo(e, userid)));
  }

  /** The seq of the newest line so far: a page applies live lines after it on top of a history. */
  get lastSeq(): number {
    return this.seq;
  }

  subscribe(listener: (e: SandboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.listeners.clear();
  }
}

export function isVisibleTo(e: SandboxEvent, userid: string): boolean {
  switch (e.kind) {
    case 'said':
    case 'unsaid':
      return e.userid === userid;
    case 'message':
      return e.touser.includes(userid) || e.touser.includes('@all');
    case 'card-update':
      return e.atAll || e.userids.includes(userid);
    case 'time':
      return true;
  }
}

function fromMessage(m: SentMessage): NewEvent {
  return {
    kind: 'message',
    id: `msg:${m.msgid}`,
    touser: [...m.touser],
    msgtype: m.msgtype,
    ...(m.content !== undefined && { content: m.content }),
    ...(m.card !== undefined && { card: m.card }),
    ...(m.taskId !== undefined && { taskId: m.taskId }),
  };
}

function fromCardUpdate(u: CardUpdate): NewEvent {
  return {
    kind: 'card-update',
    id: `upd:${u.responseCode}`,
    userids: [...u.userids],
    atAll: u.atAll,
    taskId: u.taskId,
    ...(u.replaceName !== undefined && { replaceName: u.replaceName }),
    ...(u.card !== undefined && { card: u.card }),
  };
}
