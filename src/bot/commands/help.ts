import { renderHelp } from '../../messages/parse-error-replies.ts';
import { defineCommand } from '../define-command.ts';
import { noArguments } from '../parsing/fields.ts';

/** 帮助: the commands the sender may use, each with an example. */
export const help = defineCommand({
  name: 'help',
  audience: 'anyone',
  parse: noArguments,
  run: async (ctx) => renderHelp(ctx.visibleCommands()),
});
