import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to reports that chat messages carry (the evaluation workbook, the bulletin page): the path
 * with an expiry and an HMAC over both, so a link works for whoever received it, for a while, and
 * cannot be made up or changed into another report's.
 */
export function signLink(secret: string, path: string, expiresAt: Date): string {
  const exp = String(expiresAt.getTime());
  return `${path}?exp=${exp}&sig=${sign(secret, path, exp)}`;
}

export function verifyLink(secret: string, path: string, exp: string | undefined, sig: string | undefined, now: Date): 'ok' | 'expired' | 'invalid' {
  if (!exp || !sig || !/^\d{1,15}$/u.test(exp) || !/^[0-9a-f]{64}$/u.test(sig)) return 'invalid';
  const want = Buffer.from(sign(secret, path, exp), 'hex');
  if (!timingSafeEqual(want, Buffer.from(sig, 'hex'))) return 'invalid';
  return Number(exp) < now.getTime() ? 'expired' : 'ok';
}

function sign(secret: string, path: string, exp: string): string {
  return createHmac('sha256', secret).update(`${path}\n${exp}`).digest('hex');
}
