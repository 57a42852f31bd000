import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const vectors = JSON.parse(readFileSync(new URL('../fixtures/wecom/vectors.json', import.meta.url), 'utf8')) as {
  vectors: { id: string; msg_signature: string; timestamp: string; nonce: string; encrypted_urlencoded_as_sent?: string; encrypted: string }[];
};

describe('WeCom URL verification through the running server', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(); // configured with the official K1 token, key and corp id
  });
  afterAll(async () => t?.close());

  it('answers vector wecom-echostr-K1 with exactly its plaintext', async () => {
    const v = vectors.vectors.find((x) => x.id === 'wecom-echostr-K1')!;
    const echostr = v.encrypted_urlencoded_as_sent ?? encodeURIComponent(v.encrypted);
    const res = await fetch(`${t.bot.url}/wecom/callback?msg_signature=${v.msg_signature}&timestamp=${v.timestamp}&nonce=${v.nonce}&echostr=${echostr}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1616140317555161061');
  });

  it('refuses a verification with a wrong signature', async () => {
    const v = vectors.vectors.find((x) => x.id === 'wecom-echostr-K1')!;
    const res = await fetch(`${t.bot.url}/wecom/callback?msg_signature=${'a'.repeat(40)}&timestamp=${v.timestamp}&nonce=${v.nonce}&echostr=${encodeURIComponent(v.encrypted)}`);
    expect(res.status).toBe(401);
  });

  it('refuses a verification with missing parameters', async () => {
    const res = await fetch(`${t.bot.url}/wecom/callback`);
    expect(res.status).toBe(400);
  });
});
