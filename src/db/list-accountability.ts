import type { Page } from './page.ts';
import type { Tx } from './transaction.ts';
import type { AccountabilityKind } from '../domain/accountability/accountability-record.ts';

/** Every kind, checked against the type: a new kind added there must be added here too. */
const KINDS: Record<AccountabilityKind, true> = {
  overdue: true,
  deemed_approval: true,
  second_round_materials: true,
  complaint_upheld: true,
  shirked_referral: true,
};
export const ACCOUNTABILITY_KINDS = Object.keys(KINDS) as AccountabilityKind[];

export function isAccountabilityKind(value: string): value is AccountabilityKind {
  return Object.hasOwn(KINDS, value);
}

/** R8: one page of the records the office decides on, by number, optionally by kind and time range; `next` is the `after` of the following page. */
export async function listAccountability(db: Tx, filter: { kind?: AccountabilityKind; from?: Date; to?: Date }, page: Page) {
  const rows = await db.accountabilityRecord.findMany({
    where: {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
      ...(page.after !== undefined ? { id: { gt: page.after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const records = rows.slice(0, page.limit);
  return { records, next: more ? (records.at(-1)?.id ?? null) : null };
}
