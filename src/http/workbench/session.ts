import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import Keygrip from 'keygrip';

/**
 * The workbench's session: a cookie that says who signed in and when, signed with SESSION_SECRET
 * by Koa's cookies (Keygrip, HMAC-SHA256). Nothing is kept on the server: every instance checks the
 * same signature, and 8 hours after sign-in the session is over whatever the cookie claims.
 */
export const SESSION_COOKIE = 'wb_session';
export const STATE_COOKIE = 'wb_state';
export const SESSION_MS = 8 * 3600_000;
/** How long the authorize round trip may take before its state is void. */
export const STATE_MS = 10 * 60_000;

export interface SessionSettings {
  /** Set the cookies' Secure flag (PUBLIC_BASE_URL is https). */
  secure: boolean;
}

export function sessionKeys(secret: string): Keygrip {
  return new Keygrip([secret], 'sha256');
}

/** The sandbox's secret: made at start, so a restart signs everyone out, which a demo can afford. */
export function makeSessionSecret(): string {
  return randomBytes(32).toString('hex');
}

interface SessionValue {
  u: string;
  t: number;
}

export type SessionRead = { kind: 'none' } | { kind: 'forged' } | { kind: 'expired' } | { kind: 'ok'; userid: string };

function cookieOptions(settings: SessionSettings, maxAge: number) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: settings.secure, signed: true, maxAge, path: '/', overwrite: true };
}

function withSecure<T>(ctx: Context, settings: SessionSettings, work: () => T): T {
  // Behind a TLS-terminating proxy the request itself may look like plain HTTP; the public URL decides.
  if (settings.secure) (ctx.cookies as unknown as { secure: boolean }).secure = true;
  return work();
}

export function startSession(ctx: Context, settings: SessionSettings, userid: string, now: number): void {
  const value = Buffer.from(JSON.stringify({ u: userid, t: now } satisfies SessionValue)).toString('base64url');
  withSecure(ctx, settings, () => ctx.cookies.set(SESSION_COOKIE, value, cookieOptions(settings, SESSION_MS)));
}

export function endSession(ctx: Context, settings: SessionSettings): void {
  withSecure(ctx, settings, () => {
    ctx.cookies.set(SESSION_COOKIE, null, { ...cookieOptions(settings, 0), signed: false });
    ctx.cookies.set(`${SESSION_COOKIE}.sig`, null, { ...cookieOptions(settings, 0), signed: false });
  });
}

/** A cookie present without a valid signature (changed by hand, or signed with another secret) is forged. */
export function readSession(ctx: Context, now: number): SessionRead {
  const raw = ctx.cookies.get(SESSION_COOKIE);
  if (raw === undefined) return { kind: 'none' };
  const signed = ctx.cookies.get(SESSION_COOKIE, { signed: true });
  if (signed === undefined) return { kind: 'forged' };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(signed, 'base64url').toString('utf8'));
  } catch {
    return { kind: 'forged' };
  }
  const v = value as Partial<SessionValue>;
  if (typeof v.u !== 'string' || v.u === '' || typeof v.t !== 'number') return { kind: 'forged' };
  if (now - v.t >= SESSION_MS || v.t > now + 60_000) return { kind: 'expired' };
  return { kind: 'ok', userid: v.u };
}

/** The state of one authorize round trip, bound to this browser, with where to go afterwards. */
export function setStateCookie(ctx: Context, settings: SessionSettings, state: string, returnTo: string): void {
  const value = Buffer.from(JSON.stringify({ s: state, r: returnTo })).toString('base64url');
  withSecure(ctx, settings, () => ctx.cookies.set(STATE_COOKIE, value, cookieOptions(settings, STATE_MS)));
}

export function takeStateCookie(ctx: Context, settings: SessionSettings): { state: string; returnTo: string } | null {
  const signed = ctx.cookies.get(STATE_COOKIE, { signed: true });
  withSecure(ctx, settings, () => {
    ctx.cookies.set(STATE_COOKIE, null, { ...cookieOptions(settings, 0), signed: false });
    ctx.cookies.set(`${STATE_COOKIE}.sig`, null, { ...cookieOptions(settings, 0), signed: false });
  });
  if (signed === undefined) return null;
  try {
    const v = JSON.parse(Buffer.from(signed, 'base64url').toString('utf8')) as { s?: unknown; r?: unknown };
    if (typeof v.s !== 'string' || typeof v.r !== 'string') return null;
    return { state: v.s, returnTo: v.r };
  } catch {
    return null;
  }
}
