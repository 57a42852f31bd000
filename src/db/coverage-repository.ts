import { whoCovers, type Cover } from '../domain/coverage/who-covers.ts';
import type { Db } from './open-database.ts';

type Reader = Pick<Db, 'absence' | 'post' | 'staff' | 'department'>;

/** The people away at `at` among `userids` (a leave that was ended early no longer counts). */
export async function awayAt(db: Reader, userids: string[], at: Date): Promise<Set<string>> {
  const rows = await db.absence.findMany({
    where: { userid: { in: userids }, from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    select: { userid: true },
  });
  return new Set(rows.map((r) => r.userid));
}

/** Who covers `handler` at `at` (R7), read from the organization and the absences. */
export async function coverFor(db: Reader, handler: string, at: Date): Promise<Cover | null> {
  const staff = await db.staff.findUnique({ where: { userid: handler } });
  const dept = staff ? await db.department.findUnique({ where: { key: staff.department } }) : null;
  const posts = staff ? await db.post.findMany({ where: { department: staff.department } }) : [];
  const people = [handler, dept?.head ?? '', ...posts.flatMap((p) => [p.a, p.b ?? ''])].filter(Boolean);
  const away = await awayAt(db, people, at);
  return whoCovers({ handler, isAway: (u) => away.has(u), posts: posts.map((p) => ({ a: p.a, b: p.b })), head: dept?.head ?? null });
}
