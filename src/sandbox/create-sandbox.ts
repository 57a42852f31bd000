import type { Db } from '../db/transaction.ts';
import type Router from '@koa/router';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { AdjustableClock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { SignedCallbackConfig } from '../wecom/build-signed-callback.ts';
import type { FakeWeComApiServer } from '../wecom/fake/wecom-api-server.ts';
import { SandboxHub } from './sandbox-hub.ts';
import { registerSandboxRoutes, type SandboxBotHandle } from './sandbox-routes.ts';
import { createTimeControl, type TimeJump } from './sandbox-time.ts';

export interface SandboxDeps {
  db: Db;
  /** The WeCom look-alike the bot sends to (the same implementation the tests use). */
  fake: FakeWeComApiServer;
  /** The bot's clock; the page moves it forward. */
  clock: AdjustableClock;
  calendar: WorkCalendar;
  /** The bot's callback credentials, to sign what sandbox users say and click. */
  callback: SignedCallbackConfig;
  log: Logger;
  /** Told after each time jump (main.ts keeps the sandbox time across restarts). */
  onTimeMoved?: (now: Date) => void;
  /** PUBLIC_BASE_URL, the start of the bot's links: the page opens them beside the chat. */
  publicBaseUrl?: string;
}

/** The scheduler (issue 5) adds runSchedulerTick to the running bot; the sandbox uses it when present. */
type MaybeScheduling = SandboxBotHandle & { runSchedulerTick?: unknown };

export interface Sandbox {
  hub: SandboxHub;
  /** For BotDeps.extraRoutes: mounts /sandbox; the returned function ends open event streams. */
  routes(router: Router): () => void;
  /** Routes answer 503 until the bot they post callbacks to is listening. */
  attach(bot: SandboxBotHandle): void;
  close(): void;
}

export function createSandbox(deps: SandboxDeps): Sandbox {
  const hub = new SandboxHub(deps.fake, deps.clock);
  const streams = new Set<() => void>();
  let bot: MaybeScheduling | undefined;
  const announceJump = (jump: TimeJump) => ({ kind: 'time' as const, now: jump.now.toISOString(), note: jump.note });

  const moveTime = createTimeControl({
    clock: deps.clock,
    calendar: deps.calendar,
    tick: () => {
      const b = bot;
      if (!b || typeof b.runSchedulerTick !== 'function') return undefined;
      const fn = b.runSchedulerTick as (now: Date) => Promise<unknown>;
      return (now) => fn.call(b, now);
    },
    settle: async () => bot?.settle(),
    activity: () => deps.fake.messages.length + deps.fake.cardUpdates.length,
    announce: {
      now: (jump) => hub.push(announceJump(jump)),
      hold: () => hub.hold(),
      release: (jump) => hub.release(jump && announceJump(jump)),
    },
  });

  return {
    hub,
    routes(router) {
      registerSandboxRoutes(router, {
        db: deps.db,
        fake: deps.fake,
        hub,
        clock: deps.clock,
        callback: deps.callback,
        log: deps.log,
        streams,
        ...(deps.publicBaseUrl !== undefined && { publicBaseUrl: deps.publicBaseUrl }),
        bot: () => bot,
        moveTime: async (action) => {
          const moved = await moveTime(action);
          deps.onTimeMoved?.(moved.now);
          return moved;
        },
      });
      return () => {
        for (const end of [...streams]) end();
      };
    },
    attach(running) {
      bot = running;
    },
    close() {
      for (const end of [...streams]) end();
      hub.close();
    },
  };
}
