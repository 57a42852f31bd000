// npm run org:import -- FILE
// Applies an organization file while the bot is not running (PGlite has one writer; with PostgreSQL it
// may run beside the bot). A broken file is rejected whole, with every error named.
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { DataDirInUseError } from '../src/db/data-dir-lock.ts';
import { applyOrg } from '../src/db/apply-org.ts';
import { readOrgFile } from '../src/org/read-org-file.ts';
import { ORG_WARNING } from '../src/messages/org-file-errors.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run org:import -- FILE');
  process.exit(2);
}
// WECOM_CONTACTS_SYNC=on: WeCom owns who exists and where; the file's staff list is not applied.
const peopleFromWeCom = process.env.WECOM_CONTACTS_SYNC?.trim() === 'on';
const parsed = await readOrgFile(file, { peopleFromWeCom });
if (!parsed.ok) {
  console.error(`组织文件未导入，共 ${parsed.errors.length} 处错误：\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
if (parsed.warnings.length > 0) console.warn(`${ORG_WARNING.heading(parsed.warnings.length)}\n${parsed.warnings.map((w) => `  - ${w}`).join('\n')}`);
const config = loadConfig();
let database;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (err) {
  if (err instanceof DataDirInUseError) {
    console.error(`${err.message}\n(The running bot applies ORG_FILE at start-up: set ORG_FILE and restart it.)`);
    process.exit(3);
  }
  throw err;
}
const result = await applyOrg(database.prisma, parsed.org, new Date(), { peopleFromWeCom });
await database.close();
console.log(
  result.changes === 0
    ? '组织文件与数据库一致，无需更改。'
    : `已导入：${result.changes} 处更改${result.postChanges.length > 0 ? `，其中 AB 岗变动 ${result.postChanges.length} 处（已记录，报办公室备案）` : ''}。`,
);
