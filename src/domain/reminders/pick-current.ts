/** Who a reminder is for, as a role to the case (resolved to people later, R7 coverage included). */
export type RecipientRole = 'handler' | 'b' | 'head' | 'leader' | 'principal' | 'office_head' | 'filer' | 'first_responder';

/** One rung of a ladder: at `instant`, tell these roles. */
export interface Candidate<K extends string> {
  kind: K;
  instant: Date;
  roles: readonly RecipientRole[];
}

export interface CurrentReminder<K extends string> {
  kind: K;
  instant: Date;
  roles: RecipientRole[];
}

/**
 * Catch-up without flooding: for each role, only the LATEST rung that has passed is current; earlier
 * rungs are stale and collapse into it. So a bot that was down across three reminder times sends one
 * message per person, about the state of things now.
 */
export function pickCurrent<K extends string>(candidates: readonly Candidate<K>[], now: Date): CurrentReminder<K>[] {
  const latestByRole = new Map<RecipientRole, Candidate<K>>();
  for (const c of candidates) {
    if (c.instant > now) continue;
    for (const role of c.roles) {
      const seen = latestByRole.get(role);
      if (!seen || c.instant > seen.instant) latestByRole.set(role, c);
    }
  }
  // In the order given (the ladder's), each rung with the roles it is the latest for.
  return candidates.flatMap((c) => {
    const roles = c.roles.filter((r) => latestByRole.get(r) === c);
    return roles.length > 0 ? [{ kind: c.kind, instant: c.instant, roles }] : [];
  });
}

/** The unique key of a reminder: (subject, kind, due instant). Claiming it is what makes it exactly once. */
export function reminderKey(kind: string, subject: number | string, instant: Date): string {
  return `${kind}:${subject}:${instant.toISOString()}`;
}
