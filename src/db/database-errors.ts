/**
 * True when an error says the database could not be reached or went away mid-statement (a restart, a
 * failover, a dropped connection), not that the statement itself was wrong. Such a failure is no fault of
 * the message being worked: it is retried until the database answers, without counting an attempt.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 6; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown; meta?: { code?: unknown } };
    for (const c of [o.code, o.originalCode, o.meta?.code]) {
      if (typeof c === 'string' && (UNAVAILABLE_CODES.has(c) || c.startsWith('08') || c.startsWith('57P'))) return true;
    }
    if (typeof o.kind === 'string' && UNAVAILABLE_KINDS.has(o.kind)) return true;
    if (typeof o.message === 'string' && UNAVAILABLE_TEXT.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}

// Node socket errors, Prisma's connection codes (P1001 can't reach, P1002 timed out, P1017 server closed),
// PostgreSQL's class 08 (connection exception) and 57P (operator intervention: shutdown, crash recovery).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'P1001', 'P1002', 'P1017', 'P2024']);
// Driver adapter error kinds (@prisma/driver-adapter-utils).
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TransactionAlreadyClosed']);
const UNAVAILABLE_TEXT =
  /Code: `(08|57P)|not yet accepting connections|Connection terminated|connection (is )?closed|Client has encountered a connection error|ECONNREFUSED|ECONNRESET|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database|Server has closed the connection|Transaction already closed|Connection ended unexpectedly/i;
