import type { Tx } from './transaction.ts';
import { randomBytes } from 'node:crypto';

const KEY = 'installationId';

/**
 * A random id of this installation, made once and kept in OrgSetting. WeCom keeps a card's task_id
 * unique per app forever, so ids built from database counters (filing ids restart at 1 in a new
 * database against the same app) need this prefix to never collide with an earlier installation's.
 */
export async function installationId(tx: Tx): Promise<string> {
  const existing = await tx.orgSetting.findUnique({ where: { key: KEY } });
  if (existing) return existing.value;
  // Two instances starting together: one insert wins, both read the winner.
  await tx.orgSetting.createMany({ data: [{ key: KEY, value: randomBytes(6).toString('hex') }], skipDuplicates: true });
  const row = await tx.orgSetting.findUniqueOrThrow({ where: { key: KEY } });
  return row.value;
}
