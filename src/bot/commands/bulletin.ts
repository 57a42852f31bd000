import { previousMonth, type Period } from '../../domain/evaluation/period.ts';
import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import { bulletinView } from '../../use-cases/monthly-bulletin.ts';
import { BULLETIN_REPORT_PATH, reportLink } from '../../use-cases/report-links.ts';
import { renderBulletinMarkdown } from '../../messages/bulletin-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { clip, commandError, type ParseContext } from '../parsing/parse-error.ts';
import { parsePeriod } from '../parsing/period.ts';
import type { Token } from '../parsing/tokens.ts';

/** 通报 [月份]: without a month, the last one (the bulletin's own month). */
function parse(args: readonly Token[], ctx: ParseContext): Parsed<{ period: Period }> {
  const first = args[0];
  if (!first) {
    const [year, month] = chinaDateOf(ctx.now).split('-').map(Number) as [number, number];
    return { ok: true, fields: { period: previousMonth({ year, month }) } };
  }
  const period = parsePeriod(first.norm, ctx.now);
  if (!period || period.kind !== 'month') return { ok: false, errors: [commandError('bad_period', 'bulletin', { value: clip(first.raw) })] };
  return { ok: true, fields: { period } };
}

/** 通报 (效能考评制 §1, office): the month's 效能通报 on demand, as it goes out on the first working day. */
export const bulletin = defineCommand({
  name: 'bulletin',
  audience: ['office'],
  parse,
  async run(ctx, command) {
    const view = await bulletinView(ctx.tx, command.period, ctx.now, ctx.calendar);
    const link = await reportLink(ctx, BULLETIN_REPORT_PATH(command.period.key));
    return { markdown: renderBulletinMarkdown(view.bulletin, view.unit, view.names, view.departments, link) };
  },
});
