/**
 * 转办 to a department (R4 §4): the case goes to the post that handles it, by the case's service and
 * else by its class, as the organization file names each post's work. No match means no post is
 * known to handle it: the caller falls back to the department head, never to an arbitrary post.
 */
import type { TimeLimitClass } from '../time-limit-class.ts';

export interface RoutablePost {
  name: string;
  a: string;
  b: string | null;
  services: readonly string[];
  classes: readonly TimeLimitClass[];
}

export function postForCase<P extends RoutablePost>(posts: readonly P[], c: { serviceCode: string | null; cls: TimeLimitClass }): P | null {
  const code = c.serviceCode?.toUpperCase();
  const byService = code ? posts.find((p) => p.services.some((s) => s.toUpperCase() === code)) : undefined;
  return byService ?? posts.find((p) => p.classes.includes(c.cls)) ?? null;
}
