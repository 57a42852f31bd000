import { staffNames } from '../../db/org-repository.ts';
import { registerCase } from '../../use-cases/register-case.ts';
import { renderRegistered, renderUnknownService } from '../../messages/case-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleRegister: CommandHandler<'register'> = async (ctx, command) => {
  const r = await registerCase(ctx, command);
  if (r.kind === 'unknown_service') return renderUnknownService(r.ref, r.suggestions);
  const names = await staffNames(ctx.tx, [r.case.handler]);
  return renderRegistered(r.case, r.service, names, ctx.now);
};
