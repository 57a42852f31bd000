import type { ExtensionRecord } from '../../domain/case/extension.ts';
import { findCase } from '../../db/case-repository.ts';
import { recordExtensionClickCode } from '../../db/extension-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { syncExtensionCard } from '../../use-cases/extensions/extension-card.ts';
import type { InboundCardClick } from '../../wecom/inbound-schema.ts';
import { CARD_REPLIES } from '../../messages/card-replies.ts';
import { EXTENSION_KEYS } from '../../messages/cards/extension-card.ts';
import { renderExtensionNoLongerOpen, renderNotYourExtensionCard } from '../../messages/extension-replies.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { runCommand } from '../run-command.ts';

/**
 * A tap on a 延期 card: only its leader's counts; 同意延期 and 不同意 run the commands 同意延期 and
 * 不同意延期 as if typed, with the click's ResponseCode to update the card. A tap on a request no longer
 * open says so and shows its real state.
 */
export async function handleExtensionClick(ctx: CommandContext, msg: InboundCardClick, e: ExtensionRecord): Promise<Reply> {
  const c = await findCase(ctx.tx, e.caseNo);
  if (!c) return CARD_REPLIES.unknownCard;
  const names = await staffNames(ctx.tx, [e.leader, ...(e.decidedBy ? [e.decidedBy] : [])]);
  if (e.leader !== msg.fromUser) return renderNotYourExtensionCard(c.no, e.leader, names);
  await recordExtensionClickCode(ctx.tx, msg.taskId, msg.responseCode, ctx.now);
  const tap = { taskId: msg.taskId, responseCode: msg.responseCode, clickedAt: new Date(msg.createTime * 1000) };
  if (e.status !== 'pending') {
    await syncExtensionCard(ctx, e.id, tap);
    return renderExtensionNoLongerOpen(c.no, e, names);
  }
  switch (msg.eventKey) {
    case EXTENSION_KEYS.approve:
      return runCommand({ ...ctx, tap }, { type: 'approveExtension', caseNo: c.no });
    case EXTENSION_KEYS.refuse:
      return runCommand({ ...ctx, tap }, { type: 'refuseExtension', caseNo: c.no });
    default:
      await syncExtensionCard(ctx, e.id, tap);
      return CARD_REPLIES.unknownExtensionButton(c.no);
  }
}
