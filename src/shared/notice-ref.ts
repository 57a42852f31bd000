import { randomBytes } from 'node:crypto';

/**
 * The public link of a written notice is its number plus a random token: the number is printed and
 * easy to guess, the token is not, so nobody can read other applicants' notices by counting.
 */
const REF = /^(GZ-\d{4}-\d{6,10}-\d{1,3})-([0-9a-f]{16})$/u;

export function newNoticeToken(): string {
  return randomBytes(8).toString('hex');
}

export function noticeRef(number: string, token: string): string {
  return `${number}-${token}`;
}

export function parseNoticeRef(ref: string): { number: string; token: string } | null {
  const m = REF.exec(ref);
  return m?.[1] && m[2] ? { number: m[1], token: m[2] } : null;
}

/** The printed number of a 不予受理告知书: BSL-<year of the decision>-<filing id>. */
export function refusalNoticeNumber(filingId: number, year: string): string {
  return `BSL-${year}-${String(filingId).padStart(6, '0')}`;
}

const REFUSAL_REF = /^BSL-(\d{4})-(\d{6,10})-([0-9a-f]{16})$/u;

export function parseRefusalNoticeRef(ref: string): { filingId: number; year: string; token: string } | null {
  const m = REFUSAL_REF.exec(ref);
  return m?.[1] && m[2] && m[3] ? { year: m[1], filingId: Number(m[2]), token: m[3] } : null;
}
