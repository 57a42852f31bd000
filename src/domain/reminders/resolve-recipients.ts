import { isPersonId } from '../case/authorization.ts';
import { whoCovers } from '../coverage/who-covers.ts';
import type { RecipientRole } from './pick-current.ts';

/** The organization at one instant, read once per tick (small tables), so resolving is pure and cheap. */
export interface OrgView {
  staffDepartment: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, { head: string | null; leader: string | null }>;
  posts: readonly { department: string; a: string; b: string | null }[];
  away: ReadonlySet<string>;
  principal: string | null;
  /** Head of the office (办公室), who answers efficiency complaints. */
  officeHead: string | null;
  /** Department key → the stand-in its head named for now (顶岗). */
  standIns?: ReadonlyMap<string, string>;
}

export interface ReminderSubject {
  handler: string;
  department: string;
  /** Whoever registered the case (R4): told of an overdue case they referred. */
  firstResponder?: string;
  filer?: string;
  /** The leader a refusal filing is addressed to (default: the department's supervising leader). */
  leader?: string;
}

export interface Recipient {
  userid: string;
  role: RecipientRole;
  /** Set when this person acts for an absent handler (R7): they are addressed as the handler. */
  coveringFor?: string;
}

/** Who acts for `userid` now (R7): themselves, else their B, else their head (or the head's B). */
export function actingFor(org: OrgView, userid: string): string {
  const dept = org.staffDepartment.get(userid);
  const posts = org.posts.filter((p) => p.department === dept);
  const head = dept ? (org.departments.get(dept)?.head ?? null) : null;
  // When everyone is away the message still goes to the person themselves: it waits for their return.
  const standIn = dept ? (org.standIns?.get(dept) ?? null) : null;
  return whoCovers({ handler: userid, isAway: (u) => org.away.has(u), posts, head, standIn })?.userid ?? userid;
}

/** Roles → people, each person once (the first role listed wins, so list 'handler' first). */
export function resolveRecipients(roles: readonly RecipientRole[], s: ReminderSubject, org: OrgView): Recipient[] {
  const out: Recipient[] = [];
  const add = (userid: string | null | undefined, role: RecipientRole, coveringFor?: string) => {
    if (!userid || out.some((r) => r.userid === userid)) return;
    out.push(coveringFor && coveringFor !== userid ? { userid, role, coveringFor } : { userid, role });
  };
  const dept = org.departments.get(s.department);
  for (const role of roles) {
    switch (role) {
      case 'handler':
        add(actingFor(org, s.handler), role, s.handler);
        break;
      case 'b':
        // The B holder of the handler's post; one who is away themselves is not disturbed.
        for (const p of org.posts) if (p.a === s.handler && p.b && !org.away.has(p.b)) add(p.b, role);
        break;
      case 'head':
        if (dept?.head) add(actingFor(org, dept.head), role);
        break;
      case 'leader':
        add(s.leader ?? dept?.leader, role);
        break;
      case 'principal':
        add(org.principal, role);
        break;
      case 'office_head': {
        // Without an office head the principal answers complaints (as the complaint use case does).
        const head = org.officeHead ?? org.principal;
        if (head) add(actingFor(org, head), role);
        break;
      }
      case 'filer':
        if (s.filer) add(actingFor(org, s.filer), role, s.filer);
        break;
      case 'first_responder':
        // Only when it is someone else's case now; `add` skips them if they are already listed.
        if (s.firstResponder && s.firstResponder !== s.handler && isPersonId(s.firstResponder)) add(s.firstResponder, role);
        break;
    }
  }
  return out;
}
