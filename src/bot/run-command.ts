import type { UseCaseContext } from '../use-cases/context.ts';
import type { Command } from './commands/command.ts';
import { HANDLERS } from './handlers/registry.ts';
import type { CommandHandler } from './handlers/handler.ts';
import { GENERAL } from '../messages/general.ts';

/** Runs one parsed command and returns the reply text for the sender. */
export async function runCommand(ctx: UseCaseContext, command: Command): Promise<string> {
  const handler = HANDLERS[command.type] as CommandHandler<Command['type']> | undefined;
  if (!handler) return GENERAL.notYet(command.type);
  return handler(ctx, command);
}
