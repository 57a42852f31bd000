import type { Config } from '../config.ts';

/**
 * Sandbox mode only when no WeCom app is configured at all: a deployment with real WeCom settings must
 * never expose the sandbox page, which lets anyone speak as any staff member.
 */
export function shouldRunSandbox(config: Pick<Config, 'mode' | 'wecom'>): boolean {
  return config.mode === 'sandbox' && config.wecom === null;
}
