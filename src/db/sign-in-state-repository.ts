import type { Tx } from './transaction.ts';

/** A new authorize round trip's state (single-use: takeSignInState deletes it). */
export async function storeSignInState(db: Tx, state: string, at: Date): Promise<void> {
  await db.webSignInState.create({ data: { state, createdAt: at } });
}

/** True once for a state stored after `notBefore`; a second call (a replayed redirect) finds nothing. Old states are swept. */
export async function takeSignInState(db: Tx, state: string, notBefore: Date): Promise<boolean> {
  const taken = await db.webSignInState.deleteMany({ where: { state, createdAt: { gte: notBefore } } });
  await db.webSignInState.deleteMany({ where: { createdAt: { lt: notBefore } } });
  return taken.count === 1;
}
