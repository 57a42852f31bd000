import type { ServiceInfo } from '../../domain/org/org-records.ts';
import { findServiceGuide } from '../../use-cases/find-service-guide.ts';
import { renderClose, renderGuide, renderNoService, renderSeveral } from '../../messages/guide-replies.ts';
import type { CommandHandler } from './handler.ts';

/** Open to everyone, staff or not (the catalog is public, R2). */
export const handleGuide: CommandHandler<'guide'> = async (ctx, command) => {
  const { match, catalog, departments } = await findServiceGuide(ctx.tx, command.query);
  const listed = (s: ServiceInfo) => ({ service: s, department: departments.get(s.department) ?? s.department });
  switch (match.kind) {
    case 'one':
      return renderGuide(match.service, listed(match.service).department, ctx.publicBaseUrl);
    case 'several':
      return renderSeveral(command.query, match.services.map(listed));
    case 'close':
      return renderClose(command.query, match.services.map(listed));
    case 'none':
      return renderNoService(command.query, catalog.map(listed), ctx.publicBaseUrl);
  }
};
