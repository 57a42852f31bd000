// Opens the PGlite folder DATA_DIR, commits COMMITTED cases, then numbers one more inside a
// transaction that never ends and says INSIDE: the parent kills it there with SIGKILL.
import { openDatabase } from '../../src/db/open-database.ts';
import { insertCase } from '../../src/db/case-repository.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { newCase } from './case-fixture.ts';

const database = await openDatabase({ dataDir: process.env.DATA_DIR! });
const committed = Number(process.env.COMMITTED);
const start = await database.prisma.case.count();
for (let i = 0; i < committed; i++) await inTransaction(database.prisma, (tx) => insertCase(tx, newCase(`child-${start + i}`)));
await inTransaction(database.prisma, async (tx) => {
  const { record } = await insertCase(tx, newCase('never-committed'));
  console.log(`INSIDE ${record.no}`);
  await new Promise(() => undefined);
});
