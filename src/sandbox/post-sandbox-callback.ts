import { randomBytes } from 'node:crypto';
import { buildCardClickXml, buildTextMessageXml } from '../wecom/build-callback-xml.ts';
import { buildSignedCallback, type SignedCallbackConfig } from '../wecom/build-signed-callback.ts';

export type SandboxCallback =
  | { kind: 'text'; from: string; content: string; msgId: string }
  | {
      kind: 'click';
      from: string;
      taskId: string;
      eventKey: string;
      responseCode: string;
      cardType?: string;
      selectedItems?: { questionKey: string; optionIds: string[] }[];
    };

let sequence = 0;

/**
 * Delivers what a sandbox user did to the bot's own `/wecom/callback` over HTTP, encrypted and signed
 * exactly as WeCom would: the sandbox exercises the real callback path, inbox and worker included.
 * Returns the HTTP status the bot answered (200 means stored).
 */
export async function postSandboxCallback(botUrl: string, config: SignedCallbackConfig, now: Date, cb: SandboxCallback): Promise<number> {
  const createTime = Math.floor(now.getTime() / 1000);
  const inner =
    cb.kind === 'text'
      ? buildTextMessageXml({ toUser: config.corpId, fromUser: cb.from, createTime, content: cb.content, msgId: cb.msgId, agentId: config.agentId })
      : buildCardClickXml({
          toUser: config.corpId,
          fromUser: cb.from,
          createTime,
          eventKey: cb.eventKey,
          taskId: cb.taskId,
          responseCode: cb.responseCode,
          agentId: config.agentId,
          ...(cb.cardType !== undefined && { cardType: cb.cardType }),
          ...(cb.selectedItems !== undefined && { selectedItems: cb.selectedItems }),
        });
  const nonce = String(1_000_000_000 + randomBytes(4).readUInt32BE(0));
  const req = buildSignedCallback(config, inner, { timestamp: String(createTime), nonce });
  const res = await fetch(`${botUrl}/wecom/callback?${req.query}`, { method: 'POST', body: req.body, headers: { 'content-type': 'text/xml' } });
  await res.arrayBuffer();
  return res.status;
}

/** 19-digit ids like WeCom's 64-bit MsgIds; random high part so restarts never reuse one (the inbox dedupes on it). */
export function nextMsgId(now: Date): string {
  sequence = (sequence + 1) % 1000;
  return `7${String(now.getTime()).padStart(13, '0').slice(-13)}${String(randomBytes(2).readUInt16BE(0) % 100).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
}
