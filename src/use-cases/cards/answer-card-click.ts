import { cardUpdatePrefix } from '../../db/card-repository.ts';
import type { UseCaseContext } from '../context.ts';
import { RESPONSE_CODE_TTL_MS } from '../refusal-cards/sync-refusal-cards.ts';

export interface ClickedCard {
  taskId: string;
  toUser: string;
  responseCode: string;
  clickedAt: Date;
}

/**
 * Shows `card` on the clicked copy, with the click's single-use ResponseCode, queued in the caller's
 * transaction. A click worked after its code expired cannot update anything; the reply says it.
 */
export function answerCardClick(ctx: UseCaseContext, click: ClickedCard, card: Record<string, unknown>, state: string): void {
  if (ctx.now.getTime() - click.clickedAt.getTime() >= RESPONSE_CODE_TTL_MS) return;
  ctx.send({
    key: `${cardUpdatePrefix(click.taskId)}click:${ctx.sourceKey}`,
    toUser: click.toUser,
    kind: 'update_card',
    payload: { responseCode: click.responseCode, card, state },
  });
}
