import { readFile } from 'node:fs/promises';
import type { ParseOrgFileResult } from './org-file.ts';
import { parseOrgFile, type ParseOrgOptions } from './parse-org-file.ts';
import { ORG_READ_ERROR } from '../messages/org-file-errors.ts';

/**
 * Reads and parses an organization file. Like parseOrgFile it never throws: an unreadable file is
 * an error in the result, naming the path, so the import command can print it like any other.
 */
export async function readOrgFile(path: string, options: ParseOrgOptions = {}): Promise<ParseOrgFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, errors: [describeReadError(path, err)] };
  }
  return parseOrgFile(text, options);
}

function describeReadError(path: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return ORG_READ_ERROR.notFound(path);
    case 'EISDIR':
      return ORG_READ_ERROR.isDirectory(path);
    case 'EACCES':
    case 'EPERM':
      return ORG_READ_ERROR.noPermission(path);
    default:
      return ORG_READ_ERROR.unreadable(path, typeof code === 'string' ? code : err instanceof Error ? err.message : String(err));
  }
}
