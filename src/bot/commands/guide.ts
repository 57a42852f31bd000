import type { ServiceInfo } from '../../domain/org/org-records.ts';
import { findServiceGuide } from '../../use-cases/find-service-guide.ts';
import { renderClose, renderGuide, renderNoService, renderSeveral } from '../../messages/guide-replies.ts';
import { defineCommand } from '../define-command.ts';
import { textCommand } from '../parsing/fields.ts';
import { joinNorm } from '../parsing/tokens.ts';

const parse = textCommand('guide', 'query', joinNorm);

/** 指南 事项 (R2): open to everyone, staff or not: the catalog is public. */
export const guide = defineCommand({
  name: 'guide',
  audience: 'anyone',
  parse,
  async run(ctx, command) {
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
  },
});
