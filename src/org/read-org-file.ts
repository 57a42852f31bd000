import { readFile } from 'node:fs/promises';
import type { ParseOrgFileResult } from './org-file.ts';
import { parseOrgFile } from './parse-org-file.ts';

/**
 * Reads and parses an organization file. Like parseOrgFile it never throws: an unreadable file is
 * an error in the result, naming the path, so the import command can print it like any other.
 */
export async function readOrgFile(path: string): Promise<ParseOrgFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, errors: [describeReadError(path, err)] };
  }
  return parseOrgFile(text);
}

function describeReadError(path: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `找不到组织文件：${path}`;
    case 'EISDIR':
      return `${path} 是目录，不是组织文件`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读取组织文件：${path}`;
    default:
      return `无法读取组织文件 ${path}：${typeof code === 'string' ? code : err instanceof Error ? err.message : String(err)}`;
  }
}
