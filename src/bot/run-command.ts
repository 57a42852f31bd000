import { isStaff } from '../domain/org/actor.ts';
import { COMMAND_TEXTS } from '../messages/command-texts.ts';
import { GENERAL } from '../messages/general.ts';
import { commandNamed, mayUse, type Command } from './command-registry.ts';
import type { CommandContext, CommandSpec, Reply } from './define-command.ts';

/**
 * Runs a parsed command for the sender, from whatever surface it came (typed, card button, menu):
 * the one place that checks who may send it before its handler runs.
 */
export async function runCommand(ctx: CommandContext, command: Command): Promise<Reply> {
  const spec = commandNamed(command.type) as CommandSpec<Command['type'], Command> | undefined;
  if (!spec) throw new Error(`no command named ${command.type}`);
  if (!mayUse(spec, ctx.actor)) {
    ctx.log.info({ command: spec.name, staff: isStaff(ctx.actor) }, 'command not open to the sender');
    if (!isStaff(ctx.actor)) return GENERAL.notStaff;
    const text = COMMAND_TEXTS[spec.name];
    return 'notAllowed' in text ? text.notAllowed : GENERAL.notAllowed;
  }
  ctx.log.debug({ command: spec.name, via: ctx.tap ? 'card' : 'message' }, 'running command');
  return spec.run(ctx, command);
}
