import type { Db } from '../db/transaction.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WeComSettings } from '../config.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { AdjustableClock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../wecom/fake/wecom-api-server.ts';
import { createSandbox, type Sandbox } from './create-sandbox.ts';
import { SANDBOX_WECOM } from './sandbox-settings.ts';

export interface StartedSandbox {
  /** What the bot uses instead of real WeCom settings: fixed credentials, the look-alike's URL. */
  wecom: WeComSettings;
  clock: AdjustableClock;
  fake: FakeWeComApiServer;
  /** The /sandbox page and API, once the database and calendar are open. */
  create(deps: { db: Db; calendar: WorkCalendar; log: Logger; publicBaseUrl?: string }): Sandbox;
  close(): Promise<void>;
}

/**
 * Starts the local WeCom look-alike and the sandbox clock. The clock resumes where the last run left
 * it (kept in DATA_DIR), because cases stored then have deadlines in that moved-forward time and
 * sandbox time only moves forward.
 */
export async function startSandbox(options: { dataDir: string; log: Logger }): Promise<StartedSandbox> {
  const stateFile = path.join(options.dataDir, 'sandbox-time.json');
  const clock = new AdjustableClock();
  const saved = await readSavedTime(stateFile);
  if (saved) clock.moveForwardTo(saved);

  const fake = await startFakeWeComApiServer({ corpId: SANDBOX_WECOM.corpId, secret: SANDBOX_WECOM.secret, agentId: SANDBOX_WECOM.agentId });
  const wecom = { ...SANDBOX_WECOM, apiBase: fake.url };
  let sandbox: Sandbox | undefined;

  return {
    wecom,
    clock,
    fake,
    create({ db, calendar, log, publicBaseUrl }) {
      sandbox = createSandbox({
        db,
        fake,
        clock,
        calendar,
        callback: { corpId: wecom.corpId, agentId: wecom.agentId, token: wecom.token, encodingAESKey: wecom.encodingAESKey },
        log: log.child({ component: 'sandbox' }),
        onTimeMoved: (now) => void saveTime(stateFile, now, options.log),
        ...(publicBaseUrl !== undefined && { publicBaseUrl }),
      });
      return sandbox;
    },
    async close() {
      sandbox?.close();
      await fake.close();
    },
  };
}

async function readSavedTime(file: string): Promise<Date | undefined> {
  try {
    const saved = new Date((JSON.parse(await readFile(file, 'utf8')) as { now?: string }).now ?? '');
    return Number.isNaN(saved.getTime()) ? undefined : saved;
  } catch {
    return undefined;
  }
}

async function saveTime(file: string, now: Date, log: Logger): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ now: now.toISOString() }));
  } catch (err) {
    log.warn({ err }, 'could not keep the sandbox time');
  }
}
