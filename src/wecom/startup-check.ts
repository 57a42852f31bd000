import { z } from 'zod';
import type { WeComApiClient } from './api-client.ts';
import { WeComApiError, WeComNetworkError } from './errors.ts';
import { classifySendFailure } from './send-failure.ts';
import { WECOM_CHECK_TEXTS, wecomSetupFix } from '../messages/operator-texts.ts';

/** The subset of a pino logger the check uses. */
interface CheckLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

// agent/get (90227); read leniently: only what the log reports.
const agentAnswer = z.object({
  name: z.string().optional(),
  close: z.number().optional(),
  allow_userinfos: z.object({ user: z.array(z.object({ userid: z.string() })).optional() }).optional(),
  allow_partys: z.object({ partyid: z.array(z.number()).optional() }).optional(),
  allow_tags: z.object({ tagid: z.array(z.number()).optional() }).optional(),
});

export type StartupCheck =
  | { ok: true; app: string; closed: boolean; visibleUsers: number; visibleDepartments: number; visibleTags: number; lastCallbackAt: string | null }
  | { ok: false; errcode: number | undefined; path: string; problem: string; fix: string };

/**
 * Start-up: gettoken and agent/get, so a wrong secret, corp id, agent id or a missing 企业可信IP shows
 * in the log at once, with the fix, rather than at the first reply. The callback URL is not readable
 * through the API: the check reports when WeCom last called it instead. Never throws; the outbox
 * pauses by itself when WeCom refuses.
 */
export async function checkWeComAtStartup(o: { api: WeComApiClient; agentId: number; log: CheckLogger; lastCallbackAt: () => Promise<Date | null>; callbackUrl: string }): Promise<StartupCheck> {
  try {
    const res = agentAnswer.parse(await o.api.call('GET', `/cgi-bin/agent/get?agentid=${o.agentId}`));
    const last = await o.lastCallbackAt();
    const result: StartupCheck = {
      ok: true,
      app: res.name ?? '',
      closed: res.close === 1,
      visibleUsers: res.allow_userinfos?.user?.length ?? 0,
      visibleDepartments: res.allow_partys?.partyid?.length ?? 0,
      visibleTags: res.allow_tags?.tagid?.length ?? 0,
      lastCallbackAt: last?.toISOString() ?? null,
    };
    o.log.info({ wecomCheck: result }, 'WeCom start-up check: token and app found');
    if (result.closed) o.log.error({ wecomCheck: result }, WECOM_CHECK_TEXTS.closed);
    if (result.visibleUsers + result.visibleDepartments + result.visibleTags === 0) o.log.error({ wecomCheck: result }, WECOM_CHECK_TEXTS.nobodyVisible);
    if (!last) o.log.warn({ callbackUrl: o.callbackUrl }, WECOM_CHECK_TEXTS.noCallback);
    return result;
  } catch (err) {
    const failure = classifySendFailure(err);
    const errcode = err instanceof WeComApiError ? err.errcode : err instanceof WeComNetworkError ? err.httpStatus : undefined;
    const path = err instanceof WeComApiError || err instanceof WeComNetworkError ? err.path : '';
    const problem = err instanceof Error ? err.message : String(err);
    const fix = failure.kind === 'setup' && errcode !== undefined ? wecomSetupFix(errcode) : WECOM_CHECK_TEXTS.unreachable;
    const result: StartupCheck = { ok: false, errcode, path, problem, fix };
    o.log.error({ wecomCheck: result }, 'WeCom start-up check failed');
    return result;
  }
}
