import { randomBytes } from 'node:crypto';
import type { Tx } from './transaction.ts';

const KEY = 'reportLinkSecret';

/**
 * The key that signs report links sent in chat (考评, 通报): made once at random and kept in the
 * database, so every instance signs and checks alike, and a new database invalidates old links.
 */
export async function reportLinkSecret(tx: Tx): Promise<string> {
  const existing = await tx.orgSetting.findUnique({ where: { key: KEY } });
  if (existing) return existing.value;
  await tx.orgSetting.createMany({ data: [{ key: KEY, value: randomBytes(32).toString('hex') }], skipDuplicates: true });
  return (await tx.orgSetting.findUniqueOrThrow({ where: { key: KEY } })).value;
}
