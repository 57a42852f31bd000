/**
 * Time-limit classes of 限时办结制 (R3), as named in the organization file and the API.
 * review 1 wd · approval 3 wd · consultation at once, else 3 wd · rights 15 wd ·
 * internal: the leader's deadline · instruction 3 wd, deemed approved when missed.
 */
export const TIME_LIMIT_CLASSES = ['review', 'approval', 'consultation', 'rights', 'internal', 'instruction'] as const;
export type TimeLimitClass = (typeof TIME_LIMIT_CLASSES)[number];

/** Working days allowed per class; `internal` has no fixed count (the leader sets the deadline). */
export const WORKING_DAYS_BY_CLASS: Record<Exclude<TimeLimitClass, 'internal'>, number> = {
  review: 1,
  approval: 3,
  consultation: 3,
  rights: 15,
  instruction: 3,
};

export function isTimeLimitClass(value: string): value is TimeLimitClass {
  return (TIME_LIMIT_CLASSES as readonly string[]).includes(value);
}
