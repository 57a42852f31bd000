import pino, { type Logger } from 'pino';

export type { Logger };

/** Secrets, tokens and message contents never reach the log. */
const REDACT = [
  'secret',
  'token',
  'access_token',
  'encrypt',
  'Encrypt',
  'content',
  'Content',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.content',
  '*.Content',
  '*.encrypt',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino({ level: options.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' } }, options.destination);
}
