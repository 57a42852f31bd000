import { getSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { encryptForCallback, encryptReply, verifyAndDecrypt, type SignedPayload } from '../../src/wecom/callback-crypto.ts';
import { parseEnvelopeXml } from '../../src/wecom/callback-xml.ts';
import { WeComCallbackError, type WeComCallbackReason } from '../../src/wecom/errors.ts';
import { keysetOf, vectorById, vectorsOfKind, type Vector } from './vectors.ts';

function signedPayload(v: Vector): SignedPayload {
  return { msgSignature: v.msg_signature ?? '', timestamp: v.timestamp ?? '', nonce: v.nonce ?? '', encrypted: v.encrypted ?? '' };
}

function reasonOf(fn: () => unknown): WeComCallbackReason | 'no error' | 'other error' {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return err instanceof WeComCallbackError ? err.reason : 'other error';
  }
}

const signed = [
  ...vectorsOfKind('url_verification_echostr'),
  ...vectorsOfKind('post_message_xml'),
  ...vectorsOfKind('post_message_json'),
];

describe('verifyAndDecrypt with published vectors', () => {
  it('covers every signed vector of the shared file', () => {
    expect(signed.map((v) => v.id).sort()).toEqual([
      'wecom-echostr-K1',
      'wecom-echostr-K2',
      'wecom-post-json-K1',
      'wecom-post-json-K2',
      'wecom-post-xml-K1',
      'wecom-post-xml-K2',
      'wxmp-post-xml',
    ]);
  });

  it.each(signed.map((v) => [v.id, v] as const))('%s decrypts to the published plaintext', (_id, v) => {
    expect(verifyAndDecrypt(keysetOf(v), signedPayload(v))).toBe(v.decrypted_plaintext);
  });

  it('answers the URL verification of K1 and K2 with the bare echo', () => {
    expect(verifyAndDecrypt(keysetOf(vectorById('wecom-echostr-K1')), signedPayload(vectorById('wecom-echostr-K1')))).toBe('1616140317555161061');
    expect(verifyAndDecrypt(keysetOf(vectorById('wecom-echostr-K2')), signedPayload(vectorById('wecom-echostr-K2')))).toBe('1288432023552776189');
  });

  it('works on the echostr exactly as sent in the URL (%2B %2F %3D) once URLSearchParams decodes it', () => {
    const v = vectorById('wecom-echostr-K1');
    const query = new URLSearchParams(
      `msg_signature=${v.msg_signature}&timestamp=${v.timestamp}&nonce=${v.nonce}&echostr=${v.encrypted_urlencoded_as_sent}`,
    );
    const payload = {
      msgSignature: query.get('msg_signature') ?? '',
      timestamp: query.get('timestamp') ?? '',
      nonce: query.get('nonce') ?? '',
      encrypted: query.get('echostr') ?? '',
    };
    expect(verifyAndDecrypt(keysetOf(v), payload)).toBe('1616140317555161061');
  });

  it('takes the Encrypt of the published K1 envelope', () => {
    const v = vectorById('wecom-post-xml-K1');
    const envelope = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${v.encrypted}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
    expect(parseEnvelopeXml(envelope)).toBe(v.encrypted);
  });

  it('decrypts the unsigned Go-comment vector once signed, and refuses it unsigned', () => {
    const v = vectorById('wecom-decrypt-only-K1-go-comment');
    const keys = keysetOf(v);
    expect(reasonOf(() => verifyAndDecrypt(keys, signedPayload(v)))).toBe('missing_param');
    const msgSignature = getSignature(keys.token, v.timestamp ?? '', v.nonce ?? '', v.encrypted ?? '');
    expect(verifyAndDecrypt(keys, { ...signedPayload(v), msgSignature })).toBe(v.decrypted_plaintext);
  });
});

describe('encryptForCallback with published vectors', () => {
  it.each(vectorsOfKind('encrypt_with_fixed_random').map((v) => [v.id, v] as const))(
    '%s reproduces the published ciphertext',
    (_id, v) => {
      const keys = keysetOf(v);
      const out = encryptForCallback(keys, v.plaintext ?? '', {
        timestamp: '1409659813',
        nonce: '1372623149',
        random: Buffer.from(v.random_utf8 ?? '', 'utf8'),
      });
      expect(out.encrypted).toBe(v.expected_encrypted);
      expect(verifyAndDecrypt(keys, { ...out, timestamp: '1409659813', nonce: '1372623149' })).toBe(v.plaintext);
    },
  );

  it.each(signed.map((v) => [v.id, v] as const))('%s: re-encrypting with its random gives the same ciphertext and signature', (_id, v) => {
    const out = encryptForCallback(keysetOf(v), v.decrypted_plaintext ?? '', {
      timestamp: v.timestamp ?? '',
      nonce: v.nonce ?? '',
      random: Buffer.from(v.decrypted_random_hex ?? '', 'hex'),
    });
    expect(out).toEqual({ encrypted: v.encrypted, msgSignature: v.msg_signature });
  });

  it('builds a passive reply envelope whose signature verifies', () => {
    const keys = keysetOf(vectorById('wecom-post-xml-K1'));
    const reply = encryptReply(keys, '<xml><Content><![CDATA[ok]]></Content></xml>', { timestamp: '1700000000', nonce: '42' });
    expect(reply.body).toContain(`<MsgSignature><![CDATA[${reply.msgSignature}]]></MsgSignature>`);
    expect(reply.body).toContain('<TimeStamp>1700000000</TimeStamp>');
    expect(parseEnvelopeXml(reply.body)).toBe(reply.encrypted);
    expect(verifyAndDecrypt(keys, { ...reply, timestamp: '1700000000', nonce: '42' })).toBe('<xml><Content><![CDATA[ok]]></Content></xml>');
  });

  it('refuses a random that is not 16 bytes (the library would silently corrupt the message)', () => {
    const keys = keysetOf(vectorById('wecom-post-xml-K1'));
    expect(() => encryptForCallback(keys, 'x', { timestamp: '1', nonce: '2', random: Buffer.alloc(8) })).toThrow(TypeError);
  });
});

describe('verifyAndDecrypt rejects', () => {
  const v = vectorById('wecom-post-xml-K1');
  const keys = keysetOf(v);
  const good = signedPayload(v);

  it('a wrong signature', () => {
    const flipped = (good.msgSignature.startsWith('0') ? '1' : '0') + good.msgSignature.slice(1);
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, msgSignature: flipped }))).toBe('bad_signature');
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, msgSignature: good.msgSignature.slice(0, 39) }))).toBe('bad_signature');
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, msgSignature: `${good.msgSignature}00` }))).toBe('bad_signature');
    expect(reasonOf(() => verifyAndDecrypt({ ...keys, token: 'other' }, good))).toBe('bad_signature');
  });

  it('a signature over other parameters (timestamp, nonce, ciphertext)', () => {
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, timestamp: '1409659814' }))).toBe('bad_signature');
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, nonce: '1' }))).toBe('bad_signature');
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, encrypted: `${good.encrypted.slice(0, -4)}AAA=` }))).toBe('bad_signature');
  });

  it('a message for another corp', () => {
    expect(reasonOf(() => verifyAndDecrypt({ ...keys, corpId: 'ww-some-other-corp' }, good))).toBe('wrong_receiver');
    // The sample whose envelope names wx5823… but whose ciphertext carries ww1436…: only the ciphertext counts.
    const j = vectorById('wecom-post-json-K2');
    expect(reasonOf(() => verifyAndDecrypt({ ...keysetOf(j), corpId: 'wx5823bf96d3bd56c7' }, signedPayload(j)))).toBe('wrong_receiver');
  });

  it('a ciphertext made with another key (decrypts to garbage without throwing)', () => {
    const otherKey = { ...keys, encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
    expect(reasonOf(() => verifyAndDecrypt(otherKey, good))).toBe('wrong_receiver');
  });

  it.each([
    ['a "+" turned into a space', (s: string) => s.replace('+', ' ')],
    ['truncated base64', (s: string) => s.slice(0, 30)],
    ['not base64 at all', () => '!!!!'],
    ['a single block', () => 'AAAAAAAAAAAAAAAAAAAAAA=='],
  ])('garbled ciphertext (%s) that is correctly signed', (_name, garble) => {
    const encrypted = garble(good.encrypted);
    const msgSignature = getSignature(keys.token, good.timestamp, good.nonce, encrypted);
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, encrypted, msgSignature }))).toBe('undecryptable');
  });

  it.each(['msgSignature', 'timestamp', 'nonce', 'encrypted'] as const)('an empty or absent %s', (key) => {
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, [key]: '' }))).toBe('missing_param');
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, [key]: undefined as unknown as string }))).toBe('missing_param');
    expect(reasonOf(() => verifyAndDecrypt(keys, { ...good, [key]: ['a', 'b'] as unknown as string }))).toBe('missing_param');
  });

  it('a misconfigured key loudly, as a configuration error rather than a bad request', () => {
    expect(() => verifyAndDecrypt({ ...keys, encodingAESKey: 'short' }, good)).toThrow(TypeError);
    expect(() => verifyAndDecrypt({ ...keys, encodingAESKey: `${keys.encodingAESKey.slice(0, 42)}-` }, good)).toThrow(TypeError);
  });
});
