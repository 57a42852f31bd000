import { encryptForCallback, type CallbackCryptoConfig } from './callback-crypto.ts';
import { buildEnvelopeXml } from './build-callback-xml.ts';

export interface SignedCallbackConfig extends CallbackCryptoConfig {
  agentId: number;
}

export interface SignedCallbackRequest {
  /** `msg_signature=…&timestamp=…&nonce=…`, URL-encoded, without a leading `?`. */
  query: string;
  /** The outer envelope XML to POST. */
  body: string;
}

export interface SignedUrlVerification {
  /** `msg_signature=…&timestamp=…&nonce=…&echostr=…`, URL-encoded. */
  query: string;
}

export interface SigningOptions {
  timestamp: string;
  nonce: string;
}

/** The POST WeCom would make to deliver `innerXml`: encrypted, signed and wrapped like the real thing. */
export function buildSignedCallback(config: SignedCallbackConfig, innerXml: string, options: SigningOptions): SignedCallbackRequest {
  const { encrypted, msgSignature } = encryptForCallback(config, innerXml, options);
  const query = new URLSearchParams({ msg_signature: msgSignature, timestamp: options.timestamp, nonce: options.nonce }).toString();
  return { query, body: buildEnvelopeXml({ toUser: config.corpId, agentId: config.agentId, encrypted }) };
}

/** The GET WeCom makes when the admin saves the callback URL; the right answer is `echo`. */
export function buildSignedUrlVerification(config: CallbackCryptoConfig, echo: string, options: SigningOptions): SignedUrlVerification {
  const { encrypted, msgSignature } = encryptForCallback(config, echo, options);
  const query = new URLSearchParams({
    msg_signature: msgSignature,
    timestamp: options.timestamp,
    nonce: options.nonce,
    echostr: encrypted,
  }).toString();
  return { query };
}
