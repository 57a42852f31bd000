/**
 * The case state machine, one family of transitions per file. Each transition is a plain function of
 * (case, command, actor and roles, now, calendar) that yields the change and the one history event it
 * appends, or every reason why not; the use cases load the facts, call one, and store the result.
 * This file only gathers them.
 */
export * from './decision.ts';
export * from './due.ts';
export { decideFinish } from './finish.ts';
export * from './first-inquiry.ts';
export * from './materials.ts';
export * from './refusal.ts';
export * from './deemed-approval.ts';
export * from './written-notice.ts';
export * from './extension.ts';
