/**
 * When deadlines come to people: every default of the reminder ladder in ONE place. Times are
 * wall-clock China time ('HH:MM'); the morning reminders go out when the office opens.
 */
export interface OfficeHours {
  open: string;
  close: string;
}

export interface ReminderPolicy {
  /** Routine reminders go out only inside these hours on working days (OFFICE_HOURS). */
  officeHours: OfficeHours;
  /** (3) on the due day, this long before the office closes: "due in two hours" to handler and B. */
  dueSoonMinutesBeforeClose: number;
  /**
   * A deadline the ladder's rungs all miss (one set for later the same day, or early the next
   * morning) is reminded this long before it, or half-way when it is closer than that.
   */
  beforeDueMinutes: number;
  /** ... but only when it is at least this far from the registration. */
  beforeDueMinimumMinutes: number;
  /** (6) the supervising leader is told on this overdue working day (day 1 = the day it became overdue). */
  leaderOnOverdueWorkingDay: number;
  /** A refusal filing still undecided after this much office time reminds the leader (half a working day). */
  refusalLeaderAfterOfficeMinutes: number;
  /** ... and after this much office time, the principal (one working day). */
  refusalPrincipalAfterOfficeMinutes: number;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({ open: '09:00', close: '17:30' });

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  officeHours: DEFAULT_OFFICE_HOURS,
  dueSoonMinutesBeforeClose: 120,
  beforeDueMinutes: 120,
  beforeDueMinimumMinutes: 30,
  leaderOnOverdueWorkingDay: 2,
  refusalLeaderAfterOfficeMinutes: 4 * 60,
  refusalPrincipalAfterOfficeMinutes: 8 * 60,
});

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses '09:00-17:30' (opening before closing, same day); null when malformed. */
export function parseOfficeHours(text: string): OfficeHours | null {
  const m = RANGE.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const open = `${m[1]}:${m[2]}`;
  const close = `${m[3]}:${m[4]}`;
  return minutesOfDay(open) < minutesOfDay(close) ? { open, close } : null;
}

/** 'HH:MM' → minutes since midnight. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** 'HH:MM' of a minutes-since-midnight count. */
export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function reminderPolicy(overrides: Partial<ReminderPolicy> = {}): ReminderPolicy {
  return Object.freeze({ ...DEFAULT_REMINDER_POLICY, ...overrides });
}
