import type { Db } from '../../db/transaction.ts';
import { listNotices } from '../../db/materials-notice-repository.ts';
import { findCurrentFiling } from '../../db/refusal-filing-repository.ts';
import { noticeRef } from '../../shared/notice-ref.ts';
import { refusalNoticePath } from '../../use-cases/decide-refusal.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The refusal filing and the one-time notices of a case, for /api/cases/:no (additive fields). */
export async function caseLifecycleJson(db: Db, caseNo: number) {
  const filing = await findCurrentFiling(db, caseNo);
  const notices = await listNotices(db, caseNo);
  return {
    filing: filing && {
      id: filing.id,
      status: filing.status,
      filer: filing.filer,
      reason: filing.reason,
      leader: filing.leader,
      escalatedTo: filing.escalatedTo,
      escalatedAt: iso(filing.escalatedAt),
      decision: filing.decision,
      decidedBy: filing.decidedBy,
      decidedAt: iso(filing.decidedAt),
      instruction: filing.instruction,
      noticeDueAt: iso(filing.noticeDueAt),
      createdAt: filing.createdAt.toISOString(),
      // The printable 不予受理告知书, once the refusal is approved.
      noticePath: refusalNoticePath(filing),
    },
    notices: notices.map((n) => ({
      number: n.number,
      round: n.round,
      at: n.at.toISOString(),
      actor: n.actor,
      materials: n.items.materials,
      outsideFirstNotice: n.items.outsideFirstNotice,
      fulfilledAt: iso(n.fulfilledAt),
      path: `/notices/${noticeRef(n.number, n.items.token)}`,
    })),
  };
}
