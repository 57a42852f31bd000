import { renderCommandHelp, renderHelp } from '../../messages/parse-error-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import type { Token } from '../parsing/tokens.ts';

/** 帮助 [命令]: a word after 帮助 that is not a command is ignored (the list is shown). */
function parse(args: readonly Token[]): Parsed<{ topic?: string }> {
  const topic = args[0]?.norm;
  return { ok: true, fields: topic ? { topic } : {} };
}

/** 帮助: the commands the sender may use; 帮助 登记: one of them with its example. */
export const help = defineCommand({
  name: 'help',
  audience: 'anyone',
  parse,
  async run(ctx, command) {
    const about = command.topic ? ctx.visibleCommands().find((c) => c.words.some((w) => w.toLowerCase() === command.topic?.toLowerCase())) : undefined;
    return about ? renderCommandHelp(about) : renderHelp(ctx.visibleCommands());
  },
});
