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
