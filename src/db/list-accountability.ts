import type { Tx } from './transaction.ts';
import type { AccountabilityKind } from '../domain/accountability/accountability-record.ts';

/** Every kind, checked against the type: a new kind added there must be added here too. */
const KINDS: Record<AccountabilityKind, true> = {
  overdue: true,
  deemed_approval: true,
  second_round_materials: true,
  complaint_upheld: true,
  shirked_referral: true,
  late_written_notice: true,
  refusal_undecided: true,
};
export const ACCOUNTABILITY_KINDS = Object.keys(KINDS) as AccountabilityKind[];

export function isAccountabilityKind(value: string): value is AccountabilityKind {
  return Object.hasOwn(KINDS, value);
}

/** R8: the records the office decides on, oldest first, optionally by kind and time range. */
export async function listAccountability(db: Tx, filter: { kind?: AccountabilityKind; from?: Date; to?: Date }) {
  return db.accountabilityRecord.findMany({
    where: {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
    },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    take: 5000,
  });
}
