import { timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { WeComCallbackError } from './errors.ts';

export interface CallbackCryptoConfig {
  token: string;
  encodingAESKey: string;
  /** The receiveid every decrypted message must carry (self-built apps: the CorpID). */
  corpId: string;
}

export interface SignedPayload {
  msgSignature: string;
  timestamp: string;
  nonce: string;
  /** `echostr` for URL verification (GET), the envelope's `<Encrypt>` for messages (POST). */
  encrypted: string;
}

const AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/;

/**
 * Check the signature, decrypt and check the receiver of one callback; returns the plaintext
 * (the echostr answer for GET, the inner XML for POST). Throws WeComCallbackError otherwise.
 */
export function verifyAndDecrypt(config: CallbackCryptoConfig, payload: SignedPayload): string {
  assertConfig(config);
  for (const key of ['msgSignature', 'timestamp', 'nonce', 'encrypted'] as const) {
    const value: unknown = payload[key];
    if (typeof value !== 'string' || value.length === 0) {
      throw new WeComCallbackError('missing_param', `missing ${key}`);
    }
  }

  const expected = Buffer.from(getSignature(config.token, payload.timestamp, payload.nonce, payload.encrypted), 'utf8');
  const given = Buffer.from(payload.msgSignature.toLowerCase(), 'utf8');
  // timingSafeEqual throws on unequal lengths; a wrong length is simply a wrong signature.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new WeComCallbackError('bad_signature', 'signature mismatch');
  }

  let message: string;
  let receiveId: string;
  try {
    // The library throws three different error classes on garbage, and returns garbage silently on others.
    const result = decrypt(config.encodingAESKey, payload.encrypted);
    message = result.message;
    receiveId = result.id;
  } catch {
    throw new WeComCallbackError('undecryptable', 'ciphertext could not be decrypted');
  }
  // The library does not check the receiver; a mismatch is also how a wrong key shows up (id comes out empty).
  if (receiveId !== config.corpId) {
    throw new WeComCallbackError('wrong_receiver', 'receiveid does not match the configured corp id');
  }
  return message;
}

export interface EncryptOptions {
  timestamp: string;
  nonce: string;
  /** 16 bytes; fixed only in tests that compare against published ciphertexts. */
  random?: Buffer;
}

export interface EncryptedPayload {
  encrypted: string;
  msgSignature: string;
}

/** Encrypt and sign a plaintext the way WeCom does, for passive replies and for simulated callbacks. */
export function encryptForCallback(config: CallbackCryptoConfig, plaintext: string, options: EncryptOptions): EncryptedPayload {
  assertConfig(config);
  if (options.random !== undefined && options.random.length !== 16) {
    // The library does not check this and would produce a ciphertext that decrypts to a wrong message.
    throw new TypeError('random must be exactly 16 bytes');
  }
  const encrypted = encrypt(config.encodingAESKey, plaintext, config.corpId, options.random);
  return { encrypted, msgSignature: getSignature(config.token, options.timestamp, options.nonce, encrypted) };
}

export interface EncryptedReply extends EncryptedPayload {
  /** The passive-reply envelope to send as the HTTP body of the callback response. */
  body: string;
}

/** A passive reply to a callback POST: the encrypted envelope WeCom expects as the response body. */
export function encryptReply(config: CallbackCryptoConfig, plaintextXml: string, options: EncryptOptions): EncryptedReply {
  const { encrypted, msgSignature } = encryptForCallback(config, plaintextXml, options);
  const body =
    `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt><MsgSignature><![CDATA[${msgSignature}]]></MsgSignature>` +
    `<TimeStamp>${options.timestamp}</TimeStamp><Nonce><![CDATA[${options.nonce}]]></Nonce></xml>`;
  return { encrypted, msgSignature, body };
}

// A bad key is a configuration error, not a bad request: fail loudly instead of rejecting every callback.
function assertConfig(config: CallbackCryptoConfig): void {
  if (!AES_KEY_PATTERN.test(config.encodingAESKey)) {
    throw new TypeError('encodingAESKey must be 43 characters of [A-Za-z0-9]');
  }
  if (config.token.length === 0 || config.corpId.length === 0) {
    throw new TypeError('token and corpId must be non-empty');
  }
}
