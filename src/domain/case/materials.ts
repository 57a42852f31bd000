/** 一次性告知制 (R5): one notice lists every missing material; the clock waits until they are complete. */
import { chinaDateOf } from '../calendar/china-time.ts';
import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type Reason, type TransitionContext } from './decision.ts';
import { restartedDueAt } from './due.ts';

/** A missing material as typed: a name, or a 1-based position in the service's list. */
export type MaterialRef = { name: string } | { index: number };

export interface RequestMaterialsInput {
  all: boolean;
  items: readonly MaterialRef[];
  /** The service's full list, or null when the case has no service (names are then taken as typed). */
  serviceMaterials: readonly string[] | null;
  /** Materials of the first notice of this case, or null when this is the first. */
  firstNotice: readonly string[] | null;
  /** Notices already given for this case. */
  earlierNotices: number;
}

export type MaterialsRequested = { round: number; number: string; materials: string[]; outsideFirstNotice: string[] };

/** The printed number of a notice: GZ-<year>-<case no>-<round>, unique per case and round. */
export function noticeNumber(caseNo: number, round: number, now: Date): string {
  return `GZ-${chinaDateOf(now).slice(0, 4)}-${String(caseNo).padStart(6, '0')}-${round}`;
}

/** 补正: checks every item against the service's list; asking beyond the first notice is allowed but flagged (R5 §3, R8). */
export function decideRequestMaterials(c: CaseRecord, cmd: RequestMaterialsInput, t: TransitionContext): Decision<MaterialsRequested> {
  const reasons = gate('requestMaterials', c, t);
  const materials = resolveMaterials(cmd, reasons);
  if (reasons.length > 0) return { ok: false, reasons };
  const round = cmd.earlierNotices + 1;
  const number = noticeNumber(c.no, round, t.now);
  const first = cmd.firstNotice;
  const outsideFirstNotice = first === null ? [] : materials.filter((m) => !first.includes(m));
  return {
    ok: true,
    round,
    number,
    materials,
    outsideFirstNotice,
    patch: { status: 'AWAITING_MATERIALS', pausedAt: t.now },
    event: eventOf(t, 'materials_requested', { number, round, materials, outsideFirstNotice }),
  };
}

/** 补齐: the clock restarts and the due time is counted afresh from now (R5 §3). */
export function decideMaterialsComplete(c: CaseRecord, cmd: { note?: string; promisedDays: number | null }, t: TransitionContext): Decision {
  const reasons = gate('materialsComplete', c, t);
  if (reasons.length > 0) return { ok: false, reasons };
  const due = restartedDueAt(c, cmd.promisedDays, t.now, t.calendar);
  return {
    ok: true,
    patch: { status: 'OPEN', pausedAt: null, dueAt: due.dueAt, dueProvisional: due.provisional },
    event: eventOf(t, 'materials_completed', {
      pausedAt: c.pausedAt?.toISOString() ?? null,
      dueAt: due.dueAt?.toISOString() ?? null,
      note: cmd.note ?? null,
    }),
  };
}

function resolveMaterials(cmd: RequestMaterialsInput, reasons: Reason[]): string[] {
  const list = cmd.serviceMaterials;
  if (list === null || list.length === 0) {
    if (cmd.all || cmd.items.some((i) => 'index' in i)) reasons.push({ code: 'no_service_materials' });
    return unique(cmd.items.flatMap((i) => ('name' in i ? [i.name.trim()] : [])).filter(Boolean));
  }
  if (cmd.all) return [...list];
  const out: string[] = [];
  for (const item of cmd.items) {
    if ('index' in item) {
      const m = list[item.index - 1];
      if (m === undefined) reasons.push({ code: 'bad_material_index', index: item.index, count: list.length });
      else out.push(m);
      continue;
    }
    const m = matchMaterial(list, item.name.trim());
    if (m === null) reasons.push({ code: 'unknown_material', name: item.name, valid: [...list] });
    else out.push(m);
  }
  return unique(out);
}

/** The exact name, or the one material that contains (or is contained in) what was typed. */
function matchMaterial(list: readonly string[], name: string): string | null {
  if (list.includes(name)) return name;
  if (name.length < 2) return null;
  const near = list.filter((m) => m.includes(name) || name.includes(m));
  return near.length === 1 ? (near[0] ?? null) : null;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
