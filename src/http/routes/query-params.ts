import type { Page } from '../../db/page.ts';
import { chinaInstant, endOfChinaDay } from '../../domain/calendar/china-time.ts';

/** One query parameter as a string (the first, if repeated), or undefined when absent or empty. */
export function queryParam(query: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * `2026-12-01` (a China calendar day: its start for `from`, its end for `to`) or an ISO 8601
 * instant with a time and offset. Undefined when unreadable.
 */
export function parseInstantParam(value: string, edge: 'start' | 'end'): Date | undefined {
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return edge === 'start' ? chinaInstant(value, '00:00') : endOfChinaDay(value);
  } catch {
    return undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** 400 with every problem named at once. */
export function badRequest(ctx: { status: number; body: unknown }, problems: string[]): void {
  ctx.status = 400;
  ctx.body = { error: 'bad_request', problems };
}

/** Lists come in pages: `limit` (1–5000, default 500) rows after `after` (a row number); the answer's `next` says where to go on. */
export function pageParams(query: Record<string, string | string[] | undefined>, problems: string[]): Page {
  const limitText = queryParam(query, 'limit');
  const afterText = queryParam(query, 'after');
  const limit = limitText === undefined ? DEFAULT_PAGE : Number(limitText);
  const after = afterText === undefined ? undefined : Number(afterText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) problems.push(`limit must be a whole number from 1 to ${MAX_PAGE}`);
  if (after !== undefined && (!Number.isInteger(after) || after < 0)) problems.push('after must be a whole number (the next of the previous page)');
  return after === undefined ? { limit } : { limit, after };
}

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;
