import { createHash } from 'node:crypto';

/** 16 hex characters naming `text`: an id part that is stable for the same input and safe in a task_id. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
