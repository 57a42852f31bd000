import { XMLParser } from 'fast-xml-parser';
import { WeComCallbackError } from './errors.ts';
import { toInboundMessage, type InboundMessage } from './inbound-schema.ts';

// parseTagValue off: every value stays a string, so a 64-bit MsgId is not rounded by Number.
const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
});

/** The `<Encrypt>` value of a callback POST body `<xml><ToUserName/><AgentID/><Encrypt/></xml>`. */
export function parseEnvelopeXml(xml: string): string {
  const encrypt = parseRoot(xml)['Encrypt'];
  if (typeof encrypt !== 'string' || encrypt.length === 0) {
    throw new WeComCallbackError('malformed', 'envelope has no Encrypt');
  }
  return encrypt;
}

/** The decrypted inner XML of a callback, validated into a typed message. */
export function parseMessageXml(xml: string): InboundMessage {
  const fields = parseRoot(xml);
  try {
    return toInboundMessage(fields);
  } catch {
    throw new WeComCallbackError('malformed', 'message lacks a required field or has a wrong one');
  }
}

function parseRoot(xml: string): Record<string, unknown> {
  // WeCom never sends a DTD; refusing one closes the door on entity-expansion tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new WeComCallbackError('malformed', 'DTD not allowed');
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch {
    throw new WeComCallbackError('malformed', 'not well-formed XML');
  }
  const root = isRecord(doc) ? doc['xml'] : undefined;
  if (!isRecord(root)) {
    throw new WeComCallbackError('malformed', 'no <xml> root');
  }
  return root;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
