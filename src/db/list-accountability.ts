import type { Page } from './page.ts';
import type { Tx } from './transaction.ts';
import { ACCOUNTABILITY_KINDS, type AccountabilityKind } from '../domain/accountability/accountability-record.ts';

export { ACCOUNTABILITY_KINDS } from '../domain/accountability/accountability-record.ts';

export function isAccountabilityKind(value: string): value is AccountabilityKind {
  return (ACCOUNTABILITY_KINDS as readonly string[]).includes(value);
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
