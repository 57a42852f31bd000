import type { UseCaseContext } from '../use-cases/context.ts';
import type { Command } from './commands/command.ts';
import { HANDLERS, type HandledCommand } from './handlers/registry.ts';
import type { CommandHandler } from './handlers/handler.ts';

/** Runs one parsed command and returns the reply text for the sender. */
export async function runCommand(ctx: UseCaseContext, command: Extract<Command, { type: HandledCommand }>): Promise<string> {
  const handler = HANDLERS[command.type] as CommandHandler<HandledCommand>;
  return handler(ctx, command);
}
