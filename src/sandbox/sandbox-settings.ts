import type { WeComSettings } from '../config.ts';

/**
 * Fixed credentials of the built-in sandbox: the bot and the local WeCom look-alike share them, so the
 * sandbox runs the same signature, crypto and API client as production. They guard nothing real.
 */
export const SANDBOX_WECOM: Omit<WeComSettings, 'apiBase'> = {
  corpId: 'wwsandbox0000000001',
  agentId: 1000002,
  secret: 'sandbox-secret',
  token: 'SandboxToken2026',
  encodingAESKey: 'U2FuZGJveEtleUZvclhpYW9OZW5nWmh1U2hvdTIwMjY',
};
