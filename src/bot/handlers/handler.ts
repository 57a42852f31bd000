import type { UseCaseContext } from '../../use-cases/context.ts';
import type { Command } from '../commands/command.ts';

/** Runs one parsed command for the sender and returns the reply text. */
export type CommandHandler<T extends Command['type']> = (ctx: UseCaseContext, command: Extract<Command, { type: T }>) => Promise<string>;
