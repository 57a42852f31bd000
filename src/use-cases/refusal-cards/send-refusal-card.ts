import type { RefusalFilingRecord } from '../../domain/case/refusal.ts';
import type { CaseRecord } from '../../domain/case/case.ts';
import { randomBytes } from 'node:crypto';
import { cardSendKey, insertCard, listFilingCards } from '../../db/card-repository.ts';
import { installationId } from '../../db/installation-id.ts';
import type { UseCaseContext } from '../context.ts';
import { loadRefusalCardView } from './load-refusal-card-view.ts';
import { buildRefusalCard, type CardRole } from '../../messages/cards/refusal-card.ts';
import { refusalTaskId, refusalTaskNonce } from '../../messages/cards/refusal-task-id.ts';

/**
 * Sends the filing's card to the leader it is addressed to, or to the principal once escalated:
 * a Card row and the template_card message in the caller's transaction. Once per filing and role.
 */
export async function sendRefusalCard(ctx: UseCaseContext, filing: RefusalFilingRecord, c: CaseRecord, role: CardRole): Promise<void> {
  const toUser = role === 'leader' ? filing.leader : filing.escalatedTo;
  if (!toUser) throw new Error(`filing ${filing.id} has no ${role} to send a card to`);
  const existing = (await listFilingCards(ctx.tx, filing.id)).map((card) => refusalTaskNonce(card.taskId)).find((n) => n !== undefined);
  const taskId = refusalTaskId(await installationId(ctx.tx), filing.id, existing ?? randomBytes(4).toString('hex'), role);
  if (!(await insertCard(ctx.tx, { taskId, filingId: filing.id, toUser, role, at: ctx.now }))) return;
  const { view } = await loadRefusalCardView(ctx.tx, { taskId, role, filing, case: c, now: ctx.now });
  // buildRefusalCard checks the card against docs/PROTOCOL.md's field rules and throws on a violation.
  ctx.send({ key: cardSendKey(taskId), toUser, kind: 'template_card', payload: { card: buildRefusalCard(view, { kind: 'open' }) } });
}
