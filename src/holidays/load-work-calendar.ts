import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HolidayFile } from '../domain/calendar/holiday-file.ts';
import { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { parseHolidayFile } from './parse-holiday-file.ts';

const BASE_DIR = fileURLToPath(new URL('./holiday-cn/', import.meta.url));

async function readFolder(dir: string): Promise<HolidayFile[]> {
  // Plain code-unit name order decides precedence (a later file wins for the same date);
  // operators can use numeric prefixes such as 10-2027.json, 20-2027-fix.json to make it explicit.
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const files: HolidayFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    files.push(parseHolidayFile(await readFile(path, 'utf8'), path));
  }
  return files;
}

/**
 * Loads the bundled holiday-cn files, then (if the folder exists) the operator's overrides folder,
 * where a newly published notice can be dropped without a code release. Throws on any bad file.
 */
export async function loadWorkCalendar(overridesDir?: string): Promise<WorkCalendar> {
  const files = await readFolder(BASE_DIR);
  if (overridesDir !== undefined && existsSync(overridesDir)) files.push(...(await readFolder(overridesDir)));
  return new WorkCalendar(files);
}
