import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import {
  decideDeemApproval,
  decideFinish,
  decideMaterialsComplete,
  decideRefusalDecision,
  decideRefuse,
  decideRequestMaterials,
  decideTransfer,
  noticeNumber,
  wasOnTime,
} from '../../../src/domain/case/transitions.ts';
import { SYSTEM_ACTOR, resolveRoles } from '../../../src/domain/case/authorization.ts';
import type { TransitionContext } from '../../../src/domain/case/decision.ts';
import { aCase, ctxFor } from './support.ts';

const TUE = new Date('2026-12-01T10:00:00+08:00');
const MATERIALS = ['申报书', '单位推荐意见', '法人证书复印件'];
const request = (items: ({ name: string } | { index: number })[], extra: Partial<{ all: boolean; firstNotice: string[] | null; earlierNotices: number; serviceMaterials: string[] | null }> = {}) => ({
  all: false,
  items,
  serviceMaterials: MATERIALS,
  firstNotice: null,
  earlierNotices: 0,
  ...extra,
});

describe('case transitions', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });

  it('finishes only by the handler or the covering person, and names every reason at once', () => {
    const c = aCase();
    expect(decideFinish(c, { result: '已办' }, ctxFor(c, 'lihua', TUE, calendar)).ok).toBe(true);
    expect(decideFinish(c, { result: '已办' }, ctxFor(c, 'zhaomin', TUE, calendar, { coveringFor: 'zhaomin' })).ok).toBe(true);
    const done = aCase({ status: 'DONE' });
    const d = decideFinish(done, { result: '再办' }, ctxFor(done, 'chenjing', TUE, calendar));
    expect(d).toEqual({ ok: false, reasons: [{ code: 'not_allowed', action: 'finish' }, { code: 'wrong_status', status: 'DONE', action: 'finish' }] });
  });

  it('judges lateness by the running clock: time spent waiting for materials does not count', () => {
    const due = new Date('2026-12-02T23:59:59.999+08:00');
    expect(wasOnTime({ dueAt: due, pausedAt: null }, new Date('2026-12-03T09:00:00+08:00'))).toBe(false);
    expect(wasOnTime({ dueAt: due, pausedAt: new Date('2026-12-02T10:00:00+08:00') }, new Date('2026-12-09T09:00:00+08:00'))).toBe(true);
    expect(wasOnTime({ dueAt: null, pausedAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('refuses a transfer to the current handler, to nobody known, and by someone with no role, all at once', () => {
    const c = aCase();
    const t = ctxFor(c, 'zhaomin', TUE, calendar);
    const same = decideTransfer(c, { target: { kind: 'resolved', userid: 'lihua', department: 'kpb', via: 'person', departmentAway: false } }, t);
    expect(same.ok ? [] : same.reasons.map((r) => r.code)).toEqual(['not_allowed', 'same_handler']);
    const unknown = decideTransfer(c, { target: { kind: 'unknown', ref: '无名氏' } }, ctxFor(c, 'lihua', TUE, calendar));
    expect(unknown).toEqual({ ok: false, reasons: [{ code: 'unknown_target', ref: '无名氏' }] });
  });

  it('moves the handler on transfer but never the first responder', () => {
    const c = aCase();
    const d = decideTransfer(c, { target: { kind: 'resolved', userid: 'liuyang', department: 'bgs', via: 'department', departmentAway: true } }, ctxFor(c, 'lihua', TUE, calendar));
    expect(d.ok && d.patch).toEqual({ handler: 'liuyang', department: 'bgs' });
    expect(d.ok && d.event.detail).toMatchObject({ from: 'lihua', to: 'liuyang', departmentAway: true });
  });

  describe('one-time notice (R5)', () => {
    it('resolves names, positions and near names against the service list, in the order given', () => {
      const c = aCase();
      const d = decideRequestMaterials(c, request([{ index: 3 }, { name: '推荐意见' }, { name: '法人证书复印件' }]), ctxFor(c, 'lihua', TUE, calendar));
      expect(d.ok && d.materials).toEqual(['法人证书复印件', '单位推荐意见']);
      expect(d.ok && d.patch).toEqual({ status: 'AWAITING_MATERIALS', pausedAt: TUE });
      expect(d.ok && d.number).toBe('GZ-2026-000012-1');
    });

    it('lists every unknown material and bad position together, with the valid list', () => {
      const c = aCase();
      const d = decideRequestMaterials(c, request([{ name: '身份证' }, { index: 7 }, { name: '营业执照' }]), ctxFor(c, 'lihua', TUE, calendar));
      expect(d).toEqual({
        ok: false,
        reasons: [
          { code: 'unknown_material', name: '身份证', valid: MATERIALS },
          { code: 'bad_material_index', index: 7, count: 3 },
          { code: 'unknown_material', name: '营业执照', valid: MATERIALS },
        ],
      });
    });

    it('takes 全部 as the whole list and free names when the case has no service', () => {
      const c = aCase();
      const all = decideRequestMaterials(c, request([], { all: true }), ctxFor(c, 'lihua', TUE, calendar));
      expect(all.ok && all.materials).toEqual(MATERIALS);
      const free = decideRequestMaterials(c, request([{ name: '身份证复印件' }], { serviceMaterials: null }), ctxFor(c, 'lihua', TUE, calendar));
      expect(free.ok && free.materials).toEqual(['身份证复印件']);
      const byIndex = decideRequestMaterials(c, request([{ index: 1 }], { serviceMaterials: null }), ctxFor(c, 'lihua', TUE, calendar));
      expect(byIndex).toEqual({ ok: false, reasons: [{ code: 'no_service_materials' }] });
    });

    it('flags a second notice asking for what the first did not list, and allows it', () => {
      const c = aCase();
      const d = decideRequestMaterials(c, request([{ name: '申报书' }, { name: '单位推荐意见' }], { firstNotice: ['申报书'], earlierNotices: 1 }), ctxFor(c, 'lihua', TUE, calendar));
      expect(d.ok && d.outsideFirstNotice).toEqual(['单位推荐意见']);
      expect(d.ok && d.number).toBe(noticeNumber(12, 2, TUE));
    });

    it('restarts the clock from 补齐 for the class, not from the receipt', () => {
      const paused = aCase({ status: 'AWAITING_MATERIALS', pausedAt: TUE });
      const friday = new Date('2026-12-04T16:00:00+08:00');
      const d = decideMaterialsComplete(paused, { promisedDays: null }, ctxFor(paused, 'lihua', friday, calendar));
      // review = 1 working day after Friday: Monday 12-07, end of day.
      expect(d.ok && d.patch).toEqual({ status: 'OPEN', pausedAt: null, dueAt: new Date('2026-12-07T23:59:59.999+08:00'), dueProvisional: false });
    });

    it('moves an internal deadline on by the time the clock stood still', () => {
      const due = new Date('2026-12-03T17:00:00+08:00');
      const paused = aCase({ cls: 'internal', status: 'AWAITING_MATERIALS', pausedAt: TUE, dueAt: due });
      const later = new Date(TUE.getTime() + 26 * 3600_000);
      const d = decideMaterialsComplete(paused, { promisedDays: null }, ctxFor(paused, 'lihua', later, calendar));
      expect(d.ok && d.patch.dueAt).toEqual(new Date(due.getTime() + 26 * 3600_000));
    });
  });

  describe('refusal filing (R6)', () => {
    const filing = { id: 5, leader: 'wangqiang', escalatedTo: null };

    it('files with the leader and never refuses by itself', () => {
      const c = aCase();
      const d = decideRefuse(c, { reason: '不符合条件', leader: 'wangqiang' }, ctxFor(c, 'lihua', TUE, calendar));
      expect(d.ok && d.patch).toEqual({ status: 'REFUSAL_PENDING' });
      expect(decideRefuse(c, { reason: 'x', leader: null }, ctxFor(c, 'lihua', TUE, calendar))).toEqual({ ok: false, reasons: [{ code: 'no_leader' }] });
    });

    it('approves with a written notice due 7 natural days later, rolled past 国庆 to a working day', () => {
      const c = aCase({ status: 'REFUSAL_PENDING' });
      const thu = new Date('2026-09-24T10:00:00+08:00');
      const d = decideRefusalDecision(c, { decision: 'approve', filing, principal: 'zhangwei' }, ctxFor(c, 'wangqiang', thu, calendar, { leader: 'wangqiang' }));
      expect(d.ok && d.patch).toMatchObject({ status: 'REFUSED', closedAt: thu });
      expect(d.ok && d.noticeDueAt).toEqual(new Date('2026-10-08T23:59:59.999+08:00'));
    });

    it('lets only the addressed leader decide, and only the principal after escalation', () => {
      const pending = aCase({ status: 'REFUSAL_PENDING' });
      const byOther = decideRefusalDecision(pending, { decision: 'approve', filing, principal: 'zhangwei' }, ctxFor(pending, 'zhangwei', TUE, calendar, { leader: 'wangqiang' }));
      expect(byOther).toEqual({ ok: false, reasons: [{ code: 'not_allowed', action: 'decideRefusal', by: 'wangqiang' }] });
      const escalated = aCase({ status: 'ESCALATED' });
      const up = { ...filing, escalatedTo: 'zhangwei' };
      const byLeader = decideRefusalDecision(escalated, { decision: 'approve', filing: up, principal: 'zhangwei' }, ctxFor(escalated, 'wangqiang', TUE, calendar));
      expect(byLeader.ok ? [] : byLeader.reasons).toEqual([{ code: 'not_allowed', action: 'decideEscalated', by: 'zhangwei' }]);
      const byPrincipal = decideRefusalDecision(escalated, { decision: 'overturn', instruction: '予以受理', filing: up, principal: 'zhangwei' }, ctxFor(escalated, 'zhangwei', TUE, calendar));
      expect(byPrincipal.ok && byPrincipal.patch).toEqual({ status: 'OPEN' });
    });

    it('needs an instruction to overturn, and names that with a wrong decider at once', () => {
      const c = aCase({ status: 'REFUSAL_PENDING' });
      const d = decideRefusalDecision(c, { decision: 'overturn', instruction: ' ', filing, principal: 'zhangwei' }, ctxFor(c, 'lihua', TUE, calendar, { leader: 'wangqiang' }));
      expect(d.ok ? [] : d.reasons.map((r) => r.code)).toEqual(['not_allowed', 'missing_instruction']);
    });
  });

  describe('deemed approval (R3 §5)', () => {
    const system = (c: ReturnType<typeof aCase>, now: Date): TransitionContext => ({ actor: SYSTEM_ACTOR, roles: resolveRoles({ actor: SYSTEM_ACTOR, handler: c.handler, firstResponder: c.firstResponder, coveringFor: null, isStaff: false }), now, calendar });
    const late = new Date('2026-12-03T00:00:01+08:00');

    it('deems a request for instructions approved once its deadline has passed, as such', () => {
      const c = aCase({ cls: 'instruction' });
      const d = decideDeemApproval(c, system(c, late));
      expect(d.ok && d.patch).toEqual({ status: 'DEEMED_APPROVED', closedAt: late });
      expect(d.ok && d.event.action).toBe('deemed_approved');
      expect(d.ok && d.accountable).toBe('kpb');
    });

    it('leaves alone what is not due, paused, closed, of another class, or asked for by a person', () => {
      const reasons = (c: ReturnType<typeof aCase>, now = late, t = system(c, now)) => {
        const d = decideDeemApproval(c, t);
        return d.ok ? [] : d.reasons.map((r) => r.code);
      };
      expect(reasons(aCase({ cls: 'instruction' }), TUE)).toEqual(['not_due']);
      expect(reasons(aCase({ cls: 'instruction', status: 'AWAITING_MATERIALS', pausedAt: TUE }))).toEqual(['wrong_status', 'not_due']);
      expect(reasons(aCase({ cls: 'instruction', status: 'DEEMED_APPROVED' }))).toEqual(['wrong_status']);
      expect(reasons(aCase({ cls: 'review' }))).toEqual(['not_instruction']);
      const c = aCase({ cls: 'instruction' });
      expect(reasons(c, late, ctxFor(c, 'lihua', late, calendar))).toEqual(['not_allowed']);
    });
  });
});
