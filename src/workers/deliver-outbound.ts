import type { ClaimedOutbound } from '../db/outbox.ts';
import { MAX_DUPLICATE_CHECK_SEC, type SendOptions, type WeComApiClient } from '../wecom/api-client.ts';

/** One claimed row to WeCom: the API call its kind needs. */
export function deliverOutbound(api: WeComApiClient, row: ClaimedOutbound, firstTriedAt: Date | null, now: Date, signal: AbortSignal): Promise<unknown> {
  const p = row.payload;
  // A retry of this row (never a first send) asks WeCom to drop a copy sent since the row's first try;
  // a card needs no such check, its stable task_id makes WeCom answer 42014 instead.
  const options: SendOptions = {
    signal,
    ...(firstTriedAt !== null && row.kind !== 'template_card' && { duplicateCheckIntervalSec: Math.min(MAX_DUPLICATE_CHECK_SEC, (now.getTime() - firstTriedAt.getTime()) / 1000 + 60) }),
  };
  switch (row.kind) {
    case 'text':
      return api.sendText([row.toUser], String(p.content), options);
    case 'markdown':
      return api.sendMarkdown([row.toUser], String(p.content), options);
    case 'template_card':
      return api.sendTemplateCard([row.toUser], p.card as object, options);
    case 'update_card':
      return api.updateTemplateCard({ userids: [row.toUser], responseCode: String(p.responseCode), card: p.card as object | undefined, replaceName: p.replaceName as string | undefined }, { signal });
  }
}
