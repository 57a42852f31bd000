import { ADMIN_TOKEN, type TestBot } from './start-test-bot.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /api/key-tasks/import with the file's bytes, as the office's browser or the script sends it. */
export async function importTable(t: TestBot, body: Uint8Array, filename?: string): Promise<{ status: number; body: any }> {
  const query = filename === undefined ? '' : `?filename=${encodeURIComponent(filename)}`;
  const res = await fetch(`${t.bot.url}/api/key-tasks/import${query}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': XLSX_TYPE },
  });
  return { status: res.status, body: await res.json() };
}
