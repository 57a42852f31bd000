import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { caseLadder, dueReminders, reminderHorizon, type ReminderCase } from '../../../src/domain/reminders/due-reminders.ts';
import { DEFAULT_REMINDER_POLICY as policy } from '../../../src/domain/reminders/reminder-policy.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

// 批复 (3 working days) received Thu 09-17: 09-18, the make-up Sunday 09-20, 09-21 → due Mon 09-21 24:00.
const A: ReminderCase = { no: 7, status: 'OPEN', cls: 'approval', receivedAt: at('2026-09-17T10:00:00'), dueAt: endOf('2026-09-21'), pausedAt: null, urgent: false };

const brief = (rs: ReturnType<typeof dueReminders>) => rs.map((r) => `${r.kind}:${r.caseNo}:${r.recipients.join('+')}`);

describe('the reminder ladder of one case (pure)', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });
  const due = (cases: ReminderCase[], now: string) => dueReminders(cases, at(now), calendar, policy);

  it('has every rung at its instant, the day before being the make-up Sunday', () => {
    const ladder = caseLadder(A, at('2026-09-28T10:00:00'), calendar, policy);
    expect(ladder.map((r) => [r.kind, r.instant.toISOString(), r.roles.join('+')])).toEqual([
      ['day_before', at('2026-09-20T09:00:00').toISOString(), 'handler+b'],
      ['due_today', at('2026-09-21T09:00:00').toISOString(), 'handler+b'],
      ['due_soon', at('2026-09-21T15:30:00').toISOString(), 'handler+b'],
      ['overdue', at('2026-09-22T00:00:00').toISOString(), 'handler+b+head+first_responder'],
      ['overdue_leader', at('2026-09-23T09:00:00').toISOString(), 'leader'],
      ['overdue_digest', at('2026-09-28T09:00:00').toISOString(), 'handler+b+head'],
    ]);
  });

  it('sends each rung when it comes, keyed by (kind, case, due instant)', () => {
    expect(due([A], '2026-09-20T08:59:00')).toEqual([]);
    const [r] = due([A], '2026-09-20T09:00:00');
    expect(r).toMatchObject({ kind: 'day_before', caseNo: 7, recipients: ['handler', 'b'], key: `day_before:7:${at('2026-09-20T09:00:00').toISOString()}` });
    expect(brief(due([A], '2026-09-21T12:00:00'))).toEqual(['due_today:7:handler+b']);
    expect(brief(due([A], '2026-09-21T15:30:00'))).toEqual(['due_soon:7:handler+b']);
    expect(brief(due([A], '2026-09-22T09:00:00'))).toEqual(['overdue:7:handler+b+head+first_responder']);
    expect(brief(due([A], '2026-09-23T09:00:00'))).toEqual(['overdue_leader:7:leader', 'overdue_digest:7:handler+b+head']);
    expect(brief(due([A], '2026-09-24T09:00:00'))).toEqual(['overdue_leader:7:leader', 'overdue_digest:7:handler+b+head']);
  });

  it('waits for office hours: nothing at night, on Saturday or on 中秋', () => {
    for (const now of ['2026-09-19T10:00:00', '2026-09-21T18:00:00', '2026-09-22T00:00:30', '2026-09-25T09:00:00', '2026-09-27T15:30:00']) {
      expect(due([A], now)).toEqual([]);
    }
  });

  it('does not let an urgent case wait: the overdue alert goes at midnight', () => {
    const urgent = { ...A, urgent: true };
    expect(brief(due([urgent], '2026-09-22T00:00:30'))).toEqual(['overdue:7:handler+b+head+first_responder']);
    // Digests stay routine even for urgent cases.
    expect(brief(due([urgent], '2026-09-23T08:00:00'))).toEqual(['overdue:7:handler+b+head+first_responder']);
  });

  it('collapses rungs missed while the bot was down into the latest, per role', () => {
    expect(brief(due([A], '2026-09-21T16:00:00'))).toEqual(['due_soon:7:handler+b']);
    expect(brief(due([A], '2026-09-22T10:30:00'))).toEqual(['overdue:7:handler+b+head+first_responder']);
    // Down until Monday after 中秋: the leader has still not been told; everyone else gets today's digest.
    expect(brief(due([A], '2026-09-28T11:00:00'))).toEqual(['overdue_leader:7:leader', 'overdue_digest:7:handler+b+head']);
  });

  it('stays silent while the clock is paused, the case is finished, or a refusal waits on the leader', () => {
    for (const c of [{ ...A, status: 'AWAITING_MATERIALS', pausedAt: at('2026-09-18T10:00:00') }, { ...A, status: 'DONE' }, { ...A, status: 'REFUSAL_PENDING' }, { ...A, dueAt: null }]) {
      expect(due([c], '2026-09-21T09:00:00')).toEqual([]);
    }
  });

  it('never reminds of a rung from before the case existed', () => {
    // 审核 received Mon 09-21 10:00 is due Tue 09-22 24:00; the day before (09-21 09:00) had passed at receipt.
    const review: ReminderCase = { ...A, no: 8, cls: 'review', receivedAt: at('2026-09-21T10:00:00'), dueAt: endOf('2026-09-22') };
    expect(due([review], '2026-09-21T10:30:00')).toEqual([]);
    expect(brief(due([review], '2026-09-22T09:00:00'))).toEqual(['due_today:8:handler+b']);
  });

  it('gives a 请示 no overdue rungs: it is deemed approved instead', () => {
    const instruction = { ...A, cls: 'instruction' as const };
    expect(brief(due([instruction], '2026-09-21T15:30:00'))).toEqual(['due_soon:7:handler+b']);
    expect(brief(due([instruction], '2026-09-23T09:00:00'))).toEqual(['due_soon:7:handler+b']);
  });

  it("drops rungs at or after a leader's mid-day deadline and alerts at the deadline itself", () => {
    const internal: ReminderCase = { ...A, no: 9, cls: 'internal', dueAt: at('2026-09-21T12:00:00') };
    expect(caseLadder(internal, at('2026-09-21T09:00:00'), calendar, policy).map((r) => r.kind)).toEqual(['day_before', 'due_today', 'overdue', 'overdue_leader']);
    expect(brief(due([internal], '2026-09-21T12:00:00'))).toEqual(['due_today:9:handler+b']);
    expect(brief(due([internal], '2026-09-21T12:01:00'))).toEqual(['overdue:9:handler+b+head+first_responder']);
    // Overdue working day 1 is the 21st itself, so the leader hears of it the next working day.
    expect(brief(due([internal], '2026-09-22T09:00:00'))).toEqual(['overdue_leader:9:leader', 'overdue_digest:9:handler+b+head']);
  });

  it('handles a deadline on a holiday: reminded before it, overdue alert at the next opening', () => {
    const onHoliday: ReminderCase = { ...A, no: 10, cls: 'internal', dueAt: at('2026-09-26T12:00:00') };
    expect(brief(due([onHoliday], '2026-09-24T09:00:00'))).toEqual(['day_before:10:handler+b']);
    expect(brief(due([onHoliday], '2026-09-28T09:00:00'))).toEqual(['overdue:10:handler+b+head+first_responder']);
    expect(brief(due([onHoliday], '2026-09-29T09:00:00'))).toEqual(['overdue_leader:10:leader', 'overdue_digest:10:handler+b+head']);
  });

  it('never finds anything due for a case beyond the query horizon (random check of the index bound)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const start = at('2026-09-01T00:00:00').getTime();
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      const now = new Date(start + rnd() * 50 * 86400_000);
      const receivedAt = new Date(now.getTime() - rnd() * 20 * 86400_000);
      const dueAt = new Date(receivedAt.getTime() + rnd() * 30 * 86400_000);
      const c: ReminderCase = { ...A, receivedAt, dueAt, urgent: rnd() < 0.3, cls: rnd() < 0.2 ? 'instruction' : 'approval' };
      if (dueAt > reminderHorizon(calendar, now)) {
        checked++;
        expect(dueReminders([c], now, calendar, policy)).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
