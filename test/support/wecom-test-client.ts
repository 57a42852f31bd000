import { randomBytes } from 'node:crypto';
import { buildCardClickXml, buildEventXml, buildTextMessageXml } from '../../src/wecom/build-callback-xml.ts';
import {
  buildSignedCallback,
  buildSignedUrlVerification,
  type SignedCallbackConfig,
  type SignedCallbackRequest,
} from '../../src/wecom/build-signed-callback.ts';

export type WeComTestClientConfig = SignedCallbackConfig;

export interface WeComTestClientOptions {
  /** Clock for CreateTime/timestamp defaults (ms). Default Date.now. */
  now?: () => number;
}

/** Produces callbacks as WeCom would POST them (encrypted, signed), from plain fields. */
export function createWeComTestClient(config: WeComTestClientConfig, options: WeComTestClientOptions = {}) {
  const now = options.now ?? Date.now;
  let sequence = 0;
  const seconds = () => Math.floor(now() / 1000);
  const signing = () => ({ timestamp: String(seconds()), nonce: String(1_000_000_000 + randomBytes(4).readUInt32BE(0)) });

  function sign(innerXml: string): SignedCallbackRequest {
    return buildSignedCallback(config, innerXml, signing());
  }

  return {
    textCallback(f: { from: string; content: string; msgId?: string; createTime?: number }): SignedCallbackRequest {
      // Unique 19-digit ids, like WeCom's 64-bit MsgIds (beyond Number precision on purpose).
      const msgId = f.msgId ?? `7${String(Date.now()).padStart(13, '0')}${String(++sequence).padStart(5, '0')}`;
      return sign(
        buildTextMessageXml({
          toUser: config.corpId,
          fromUser: f.from,
          createTime: f.createTime ?? seconds(),
          content: f.content,
          msgId,
          agentId: config.agentId,
        }),
      );
    },
    cardClickCallback(f: { from: string; taskId: string; eventKey: string; responseCode: string; createTime?: number }): SignedCallbackRequest {
      return sign(
        buildCardClickXml({
          toUser: config.corpId,
          fromUser: f.from,
          createTime: f.createTime ?? seconds(),
          eventKey: f.eventKey,
          taskId: f.taskId,
          responseCode: f.responseCode,
          agentId: config.agentId,
        }),
      );
    },
    eventCallback(f: { from: string; event: string; eventKey?: string; createTime?: number }): SignedCallbackRequest {
      return sign(
        buildEventXml({
          toUser: config.corpId,
          fromUser: f.from,
          createTime: f.createTime ?? seconds(),
          event: f.event,
          ...(f.eventKey !== undefined && { eventKey: f.eventKey }),
          agentId: config.agentId,
        }),
      );
    },
    /** Any inner XML, e.g. a malformed one. */
    rawCallback(innerXml: string): SignedCallbackRequest {
      return sign(innerXml);
    },
    /** The GET of URL verification; the right answer body is `echo`. */
    urlVerification(echo: string): { query: string } {
      return buildSignedUrlVerification(config, echo, signing());
    },
  };
}

export type WeComTestClient = ReturnType<typeof createWeComTestClient>;
