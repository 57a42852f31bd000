import type { Clock } from '../shared/clock.ts';
import type { CardUpdate, FakeWeComApiServer, SentMessage } from '../wecom/fake/wecom-api-server.ts';

/** One line of a sandbox chat. `at` is sandbox time (ISO), since that is what reminders are about. */
export type SandboxEvent =
  | { seq: number; kind: 'said'; userid: string; text: string; at: string }
  | { seq: number; kind: 'message'; touser: string[]; msgtype: SentMessage['msgtype']; content?: string; card?: Record<string, unknown>; taskId?: string; at: string }
  | { seq: number; kind: 'card-update'; userids: string[]; atAll: boolean; taskId: string; replaceName?: string; card?: Record<string, unknown>; at: string }
  | { seq: number; kind: 'time'; now: string; note: string; at: string };

export type NewEvent = SandboxEvent extends infer E ? (E extends SandboxEvent ? Omit<E, 'seq' | 'at'> : never) : never;

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
    const full = { ...event, seq: ++this.seq, at: this.clock.now().toISOString() } as SandboxEvent;
    this.events.push(full);
    if (this.events.length > MAX_EVENTS) this.events = this.events.slice(-MAX_EVENTS);
    for (const listener of this.listeners) listener(full);
  }

  /** Events `userid` sees, after `afterSeq` (a reconnecting browser sends the last one it got). */
  historyFor(userid: string, afterSeq = 0): SandboxEvent[] {
    return this.events.filter((e) => e.seq > afterSeq && isVisibleTo(e, userid));
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
    userids: [...u.userids],
    atAll: u.atAll,
    taskId: u.taskId,
    ...(u.replaceName !== undefined && { replaceName: u.replaceName }),
    ...(u.card !== undefined && { card: u.card }),
  };
}
