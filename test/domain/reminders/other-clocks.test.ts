import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../../src/domain/calendar/work-calendar.ts';
import { dueComplaintReminders, dueFilingReminders, type ReminderFiling } from '../../../src/domain/reminders/other-clocks.ts';
import { groupDigests, headDigestEntries, morningDigestInstant } from '../../../src/domain/reminders/morning-digest.ts';
import { DEFAULT_REMINDER_POLICY as policy } from '../../../src/domain/reminders/reminder-policy.ts';
import type { ReminderCase } from '../../../src/domain/reminders/due-reminders.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);
const brief = (rs: { kind: string; recipients: string[]; key: string }[]) => rs.map((r) => `${r.kind}:${r.recipients.join('+')}`);

describe('the other clocks (pure)', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    calendar = await loadWorkCalendar();
  });

  // Filed Tue 09-22 16:00: half a working day (4 office hours) is Wed 11:30, one working day (8) is Wed 15:30.
  const pending: ReminderFiling = { id: 3, caseNo: 12, status: 'pending', createdAt: at('2026-09-22T16:00:00'), noticeDueAt: null, decidedAt: null, noticePending: false };
  const filings = (now: string, f: ReminderFiling = pending) => dueFilingReminders([f], at(now), calendar, policy);

  it('reminds the leader of an undecided refusal after half a working day, the principal after one', () => {
    expect(filings('2026-09-23T11:29:00')).toEqual([]);
    const [leader] = filings('2026-09-23T11:30:00');
    expect(leader).toMatchObject({ kind: 'refusal_leader', recipients: ['leader'], caseNo: 12, filingId: 3, key: `refusal_leader:12.3:${at('2026-09-23T11:30:00').toISOString()}` });
    expect(brief(filings('2026-09-23T15:29:00'))).toEqual(['refusal_leader:leader']);
    expect(brief(filings('2026-09-23T15:30:00'))).toEqual(['refusal_leader:leader', 'refusal_principal:principal']);
    expect(filings('2026-09-25T10:00:00')).toEqual([]); // 中秋: the office is closed
  });

  it('stops once the refusal is decided, and then keeps the 7-day written-notice clock', () => {
    // Approved Tue 09-29 10:00: notice due 7 natural days later, 10-06 is 国庆, rolled to Thu 10-08 24:00.
    const approved = { ...pending, status: 'approved', decidedAt: at('2026-09-29T10:00:00'), noticeDueAt: endOf('2026-10-08'), noticePending: true };
    expect(filings('2026-09-29T10:30:00', approved)).toEqual([]);
    expect(brief(filings('2026-09-30T09:00:00', approved))).toEqual(['notice_day_before:filer']);
    expect(filings('2026-10-02T09:00:00', approved)).toEqual([]);
    expect(brief(filings('2026-10-08T09:00:00', approved))).toEqual(['notice_due:filer']);
    expect(filings('2026-10-08T09:00:00', { ...approved, noticePending: false })).toEqual([]);
  });

  it('reminds the office head of a complaint the working day before its answer is due, and when late', () => {
    const complaint = { id: 5, status: 'OPEN', at: at('2026-09-17T10:00:00'), dueAt: endOf('2026-09-28') };
    const due = (now: string, c = complaint) => dueComplaintReminders([c], at(now), calendar, policy);
    expect(due('2026-09-23T09:00:00')).toEqual([]);
    expect(brief(due('2026-09-24T09:00:00'))).toEqual(['complaint_day_before:office_head']);
    expect(brief(due('2026-09-29T09:00:00'))).toEqual(['complaint_overdue:office_head']);
    expect(due('2026-09-29T09:00:00', { ...complaint, status: 'ANSWERED' })).toEqual([]);
  });

  it('builds a head digest only from what was there at opening, and one digest per person', () => {
    const c = (no: number, receivedAt: string, dueAt: Date): ReminderCase => ({ no, status: 'OPEN', cls: 'internal', receivedAt: at(receivedAt), dueAt, pausedAt: null, urgent: false });
    const now = at('2026-09-21T10:00:00');
    const instant = morningDigestInstant(calendar, policy, now)!;
    expect(instant).toEqual(at('2026-09-21T09:00:00'));
    expect(morningDigestInstant(calendar, policy, at('2026-09-26T10:00:00'))).toBeNull();
    const entries = headDigestEntries(
      [c(1, '2026-09-18T10:00:00', endOf('2026-09-21')), c(2, '2026-09-21T09:30:00', endOf('2026-09-21')), c(3, '2026-09-18T10:00:00', endOf('2026-09-22'))],
      [{ no: 4, since: at('2026-09-18T15:00:00') }, { no: 5, since: at('2026-09-21T09:45:00') }],
      now,
      instant,
    );
    expect(entries).toEqual([
      { caseNo: 1, section: 'due_today', roles: ['head'] },
      { caseNo: 4, section: 'awaiting', roles: ['head'] },
    ]);
    const grouped = groupDigests([
      { userid: 'chenjing', caseNo: 9, section: 'overdue' },
      { userid: 'chenjing', caseNo: 1, section: 'due_today' },
      { userid: 'zhaomin', caseNo: 9, section: 'overdue' },
      { userid: 'chenjing', caseNo: 9, section: 'overdue' },
    ]);
    expect(Object.fromEntries(grouped)).toEqual({
      chenjing: { overdue: [9], due_today: [1], due_next: [], awaiting: [] },
      zhaomin: { overdue: [9], due_today: [], due_next: [], awaiting: [] },
    });
  });
});
