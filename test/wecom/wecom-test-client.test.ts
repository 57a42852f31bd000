import { describe, expect, it } from 'vitest';
import { verifyAndDecrypt } from '../../src/wecom/callback-crypto.ts';
import { parseEnvelopeXml, parseMessageXml } from '../../src/wecom/callback-xml.ts';
import { createWeComTestClient } from '../support/wecom-test-client.ts';

const config = { token: 'testToken123', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', corpId: 'ww-test-corp', agentId: 1000002 };

/** What the callback route does: query + body → typed message. */
function receive({ query, body }: { query: string; body: string }) {
  const q = new URLSearchParams(query);
  const plaintext = verifyAndDecrypt(config, {
    msgSignature: q.get('msg_signature') ?? '',
    timestamp: q.get('timestamp') ?? '',
    nonce: q.get('nonce') ?? '',
    encrypted: parseEnvelopeXml(body),
  });
  return parseMessageXml(plaintext);
}

describe('wecom test client', () => {
  const client = createWeComTestClient(config, { now: () => 1_700_000_000_000 });

  it('builds a text callback that verifies, decrypts and parses back to its fields', () => {
    const callback = client.textCallback({ from: 'zhangsan', content: '登记 来电 咨询 李四 问政策', msgId: '4561255354251345929' });
    expect(callback.query).toMatch(/^msg_signature=[0-9a-f]{40}&timestamp=1700000000&nonce=\d+$/);
    expect(callback.body).toMatch(/^<xml><ToUserName><!\[CDATA\[ww-test-corp\]\]><\/ToUserName><AgentID><!\[CDATA\[1000002\]\]><\/AgentID><Encrypt>/);
    expect(receive(callback)).toEqual({
      kind: 'text',
      msgId: '4561255354251345929',
      fromUser: 'zhangsan',
      createTime: 1700000000,
      content: '登记 来电 咨询 李四 问政策',
      agentId: 1000002,
    });
  });

  it('gives every text callback a distinct 64-bit-style MsgId by default', () => {
    const a = receive(client.textCallback({ from: 'u', content: 'x' }));
    const b = receive(client.textCallback({ from: 'u', content: 'x' }));
    expect(a.kind === 'text' && b.kind === 'text' && a.msgId !== b.msgId).toBe(true);
    expect(a.kind === 'text' && a.msgId).toMatch(/^\d{19}$/);
  });

  it('builds a card click callback', () => {
    const callback = client.cardClickCallback({ from: 'lisi', taskId: 'case-1-approve', eventKey: 'approve', responseCode: 'rc1', createTime: 1700000100 });
    expect(receive(callback)).toEqual({
      kind: 'card_click',
      fromUser: 'lisi',
      createTime: 1700000100,
      eventKey: 'approve',
      taskId: 'case-1-approve',
      cardType: 'button_interaction',
      responseCode: 'rc1',
      agentId: 1000002,
    });
  });

  it('builds an event callback', () => {
    expect(receive(client.eventCallback({ from: 'wangwu', event: 'enter_agent' }))).toMatchObject({ kind: 'other', event: 'enter_agent', dedupeKey: 'evt:wangwu:1700000000:enter_agent' });
  });

  it('builds a URL verification whose answer is the echo', () => {
    const q = new URLSearchParams(client.urlVerification('echo-123').query);
    const echo = verifyAndDecrypt(config, {
      msgSignature: q.get('msg_signature') ?? '',
      timestamp: q.get('timestamp') ?? '',
      nonce: q.get('nonce') ?? '',
      encrypted: q.get('echostr') ?? '',
    });
    expect(echo).toBe('echo-123');
  });

  it('signs with the configured token only', () => {
    const { query, body } = client.textCallback({ from: 'u', content: 'x' });
    const q = new URLSearchParams(query);
    expect(() =>
      verifyAndDecrypt(
        { ...config, token: 'another' },
        { msgSignature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '', encrypted: parseEnvelopeXml(body) },
      ),
    ).toThrow(/signature/);
  });
});
