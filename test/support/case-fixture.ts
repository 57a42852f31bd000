import type { NewCase } from '../../src/db/case-repository.ts';

/** A case as 登记 would store it, keyed by `sourceKey` (the inbox key in the product). */
export function newCase(sourceKey: string, at = new Date('2026-12-01T01:30:00Z')): NewCase {
  return {
    status: 'OPEN',
    cls: 'consultation',
    channel: 'in_person',
    applicant: sourceKey,
    phone: null,
    matter: 'numbering',
    serviceCode: null,
    department: 'kpb',
    firstResponder: 'lihua',
    handler: 'lihua',
    receivedAt: at,
    dueAt: null,
    dueProvisional: false,
    sourceKey,
  };
}
