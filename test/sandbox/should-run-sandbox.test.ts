import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { shouldRunSandbox } from '../../src/sandbox/should-run-sandbox.ts';

const WECOM_ENV = {
  WECOM_CORP_ID: 'ww0123456789abcdef',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'real-secret',
  WECOM_TOKEN: 'RealToken1',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
};

describe('shouldRunSandbox', () => {
  it('runs the sandbox when no WeCom settings are given', () => {
    expect(shouldRunSandbox(loadConfig({}))).toBe(true);
    expect(shouldRunSandbox(loadConfig({ WECOM_CORP_ID: '   ', PORT: '3000' }))).toBe(true);
  });

  it('never runs it when WeCom settings are present', () => {
    expect(shouldRunSandbox(loadConfig(WECOM_ENV))).toBe(false);
    expect(shouldRunSandbox(loadConfig({ ...WECOM_ENV, WECOM_API_BASE: 'http://127.0.0.1:9999' }))).toBe(false);
  });

  it('refuses a config that claims sandbox mode while carrying WeCom settings', () => {
    const wecom = loadConfig(WECOM_ENV).wecom;
    expect(shouldRunSandbox({ mode: 'sandbox', wecom })).toBe(false);
    expect(shouldRunSandbox({ mode: 'wecom', wecom: null })).toBe(false);
  });

  it('does not fall back to the sandbox when WeCom settings are incomplete: start-up stops instead', () => {
    expect(() => loadConfig({ WECOM_CORP_ID: 'ww0123456789abcdef' })).toThrow(/WECOM_SECRET/);
  });
});
