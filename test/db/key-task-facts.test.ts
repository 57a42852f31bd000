import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createKeyTask, keyTaskFacts, listKeyTasks, recordKeyTaskProgress } from '../../src/db/key-task-repository.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import { BACKENDS, createTestDatabase } from '../support/test-database.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);
const monthOf = (ym: string, next: string) => [at(`${ym}-01T00:00:00`), at(`${next}-01T00:00:00`)] as const;

/** The facts the evaluation and the bulletin read: which tasks a period [from, to) concerns. */
describe.each(BACKENDS)('keyTaskFacts and listKeyTasks (%s)', (backend) => {
  let database: Database;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const task = (seq: string, deadline: string, milestones: string[], created = '2026-03-02T10:00:00') =>
      inTransaction(database.prisma, (tx) =>
        createKeyTask(
          tx,
          { year: 2026, seq, title: `任务${seq}`, leadLeader: seq === 'A' ? 'wangqiang' : null, department: 'kpb', owner: 'lihua', partners: [], deadline: endOf(deadline), milestones: milestones.map((d) => ({ due: endOf(d), target: `目标${d}` })) },
          { at: at(created), actor: '#import', action: 'imported', detail: {} },
        ),
      );
    ids.A = await task('A', '2026-11-30', ['2026-06-30']); // open all year
    ids.B = await task('B', '2026-05-31', []); // done in April
    ids.C = await task('C', '2026-09-30', ['2026-04-15']); // done in May, milestone in April
    ids.D = await task('D', '2026-12-31', [], '2026-08-01T10:00:00'); // imported in August
    await inTransaction(database.prisma, async (tx) => {
      await recordKeyTaskProgress(tx, ids.B!, { at: at('2026-04-20T10:00:00'), actor: 'lihua', action: 'done', progress: 100, detail: {}, milestonesDone: [] });
      await recordKeyTaskProgress(tx, ids.C!, { at: at('2026-05-20T10:00:00'), actor: 'lihua', action: 'done', progress: 100, detail: {}, milestonesDone: [1] });
    });
  });
  afterAll(async () => database?.close());

  const facts = async (from: Date, to: Date) => (await keyTaskFacts(database.prisma, from, to)).map((f) => f.title);

  it('gives each task whose deadline or a milestone falls in [from, to), or still open at to', async () => {
    // April: A still open at May 1; C's milestone (04-15). B was done on 04-20 and its deadline is in May.
    expect(await facts(...monthOf('2026-04', '2026-05'))).toEqual(['任务A', '任务C']);
    // May: A open; B's deadline (05-31). C was done on 05-20, before June, and neither its date is in May.
    expect(await facts(...monthOf('2026-05', '2026-06'))).toEqual(['任务A', '任务B']);
    // June: A's milestone; D did not exist yet.
    expect(await facts(...monthOf('2026-06', '2026-07'))).toEqual(['任务A']);
    expect(await facts(at('2026-01-01T00:00:00'), at('2027-01-01T00:00:00'))).toEqual(['任务A', '任务B', '任务C', '任务D']);
  });

  it('has exactly the documented shape, milestones with their doneAt', async () => {
    const [c] = (await keyTaskFacts(database.prisma, ...monthOf('2026-04', '2026-05'))).filter((f) => f.id === ids.C);
    expect(c).toEqual({
      id: ids.C,
      title: '任务C',
      owner: 'lihua',
      department: 'kpb',
      leadLeader: null,
      deadline: endOf('2026-09-30'),
      doneAt: at('2026-05-20T10:00:00'),
      milestones: [{ due: endOf('2026-04-15'), target: '目标2026-04-15', doneAt: at('2026-05-20T10:00:00') }],
    });
  });

  it('lists every task with its status at the instant asked', async () => {
    const calendar = await loadWorkCalendar();
    const list = await listKeyTasks(database.prisma, at('2026-07-01T10:00:00'), calendar);
    expect(list.map((t) => [t.seq, t.status.status])).toEqual([
      ['A', 'overdue'],
      ['B', 'done'],
      ['C', 'done'],
      ['D', 'normal'],
    ]);
  });
});
