import { listDepartments, loadActor } from '../../db/org-repository.ts';
import { coverFor, listCoveredPeople } from '../../db/coverage-repository.ts';
import type { Tx } from '../../db/transaction.ts';
import { isStaff } from '../../domain/org/actor.ts';
import { caseScope, inScope, isHandling, type Viewer } from '../../domain/org/visibility.ts';
import type { CaseRecord } from '../../domain/case/case.ts';

/** The signed-in person with what the visibility rule needs; null for someone not (or no longer) on the staff list. */
export async function loadViewer(tx: Tx, userid: string, now: Date): Promise<Viewer | null> {
  const actor = await loadActor(tx, userid);
  if (!isStaff(actor)) return null;
  const departments = await listDepartments(tx);
  const covering = (await listCoveredPeople(tx, actor.userid, now)).map((c) => c.handler);
  return {
    userid: actor.userid,
    name: actor.name,
    department: actor.department,
    roles: actor.roles,
    headOf: departments.filter((d) => d.head === actor.userid).map((d) => d.key),
    leaderOf: departments.filter((d) => d.leader === actor.userid).map((d) => d.key),
    covering,
  };
}

export interface CaseSight {
  visible: boolean;
  /** Whether the phone may be shown whole (the viewer handles the case). */
  handling: boolean;
}

/** What a viewer may see of one case: at all, and the applicant's phone. */
export async function sightOf(tx: Tx, viewer: Viewer, c: CaseRecord, now: Date): Promise<CaseSight> {
  const cover = await coverFor(tx, c.handler, now);
  const coverer = cover && cover.via !== 'handler' ? cover.userid : null;
  const handling = isHandling(viewer.userid, c, coverer);
  return { visible: handling || inScope(caseScope(viewer), c), handling };
}
