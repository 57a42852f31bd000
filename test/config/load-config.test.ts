import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const WECOM = {
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 's',
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
};

describe('configuration', () => {
  it('runs in sandbox mode with defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mode: 'sandbox', wecom: null, port: 3000, databaseUrl: undefined, publicBaseUrl: 'http://localhost:3000' });
  });

  it('uses WeCom when the corp id and its companions are set', () => {
    const c = loadConfig({ ...WECOM, PORT: '8080' });
    expect(c.mode).toBe('wecom');
    expect(c.wecom).toMatchObject({ corpId: WECOM.WECOM_CORP_ID, agentId: 1000002, apiBase: 'https://qyapi.weixin.qq.com' });
    expect(c.publicBaseUrl).toBe('http://localhost:8080');
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig({ WECOM_ENCODING_AES_KEY: 'short', PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_TOKEN: 'abc' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const names = (err as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(names).toEqual(expect.arrayContaining(['WECOM_ENCODING_AES_KEY', 'PORT', 'DATABASE_URL', 'ADMIN_TOKEN']));
    }
  });

  it('requires the other WeCom settings once the corp id is set', () => {
    expect(() => loadConfig({ WECOM_CORP_ID: 'wx1' })).toThrow(/WECOM_AGENT_ID[\s\S]*WECOM_SECRET[\s\S]*WECOM_TOKEN[\s\S]*WECOM_ENCODING_AES_KEY/);
  });

  it('requires SESSION_SECRET of at least 32 characters with WeCom settings, and reads WECOM_OAUTH_BASE', () => {
    const { SESSION_SECRET: _secret, ...withoutSecret } = WECOM;
    expect(() => loadConfig(withoutSecret)).toThrow(/SESSION_SECRET: required when WECOM_CORP_ID is set/);
    expect(() => loadConfig({ ...WECOM, SESSION_SECRET: 'too-short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
    const c = loadConfig({ ...WECOM, WECOM_OAUTH_BASE: 'https://wework.example.gov.cn/' });
    expect(c.oauthBase).toBe('https://wework.example.gov.cn');
    expect(c.sessionSecret).toBe(WECOM.SESSION_SECRET);
    expect(loadConfig({}).oauthBase).toBe('https://open.weixin.qq.com');
    expect(loadConfig({}).sessionSecret).toBeUndefined();
  });

  it('reads the contacts sync and its callback, which needs both its token and its key', () => {
    const c = loadConfig({ ...WECOM, WECOM_CONTACTS_SYNC: 'on', WECOM_CONTACTS_TOKEN: 'C0ntacts', WECOM_CONTACTS_AES_KEY: 'kXmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2D' });
    expect(c.wecom).toMatchObject({ contactsSync: true, contactsCallback: { token: 'C0ntacts', encodingAESKey: 'kXmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2D' } });
    expect(loadConfig(WECOM).wecom).toMatchObject({ contactsSync: false });
    expect(loadConfig(WECOM).wecom?.contactsCallback).toBeUndefined();
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...WECOM, ...env });
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ WECOM_CONTACTS_TOKEN: 'C0ntacts' })).toEqual(['WECOM_CONTACTS_TOKEN, WECOM_CONTACTS_AES_KEY: set both or neither']);
    expect(problems({ WECOM_CONTACTS_SYNC: 'yes' })).toEqual(['WECOM_CONTACTS_SYNC: must be on or off']);
  });
});
